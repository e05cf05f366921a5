package nl.signaalketen.cluster;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A method with {@code @SchedulerLock} runs only on the node that gets its lock; the others skip
 * that run (no error, nothing logged above DEBUG). Only for methods the scheduler calls: a lock
 * also skips direct calls while another node holds it.
 */
@Configuration
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
public class ClusterLocks {

  public static final String TABLE = "sk_shedlock";

  @Bean
  LockProvider lockProvider(DataSource dataSource) {
    return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
        .withJdbcTemplate(new JdbcTemplate(dataSource))
        .withTableName(TABLE)
        // The database's clock, not each node's: nodes whose clocks differ still agree.
        .usingDbTime()
        .build());
  }
}
