package nl.signaalketen.sharing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * sk_sharing_entry, append-only: insert and select, nothing else, so no code path of the
 * application can rewrite a justification after the fact. Writes join the transaction of the step
 * that shared, so a refused or rolled-back step leaves no entry.
 */
@Repository
public class SharingRegister {

  private static final Logger LOG = LoggerFactory.getLogger(SharingRegister.class);
  private static final String COLUMNS = "id, casus_id, recorded_at, recorded_by, kind, from_party, to_party,"
      + " purpose, legal_basis, proportionality, subsidiarity, data_categories, special_categories,"
      + " special_category_kinds, person_informed, reason_not_informed";

  private final JdbcClient jdbc;

  public SharingRegister(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores the entry; answers it with its id, as a later read returns it (see SharingEntry). */
  public SharingEntry insert(SharingEntry e) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("insert into sk_sharing_entry (casus_id, recorded_at, recorded_by, kind, from_party, to_party,"
            + " purpose, legal_basis, proportionality, subsidiarity, data_categories, special_categories,"
            + " special_category_kinds, person_informed, reason_not_informed)"
            + " values (:casusId, :recordedAt, :recordedBy, :kind, :from, :to, :purpose, :legalBasis,"
            + " :proportionality, :subsidiarity, :dataCategories, :specialCategories, :specialCategoryKinds,"
            + " :personInformed, :reasonNotInformed)")
        .paramSource(e)
        .update(key, "id");
    long id = key.getKey().longValue();
    // Case reference, kind and basis only: no names, no content.
    LOG.info("Sharing entry {} recorded for case {} ({}, basis {})", id, e.casusId(), e.kind(), e.legalBasis());
    return e.withId(id);
  }

  public List<SharingEntry> forCase(String casusId) {
    return jdbc.sql("select " + COLUMNS + " from sk_sharing_entry where casus_id = ? order by id")
        .param(casusId).query(ROW).list();
  }

  public Optional<SharingEntry> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from sk_sharing_entry where id = ?").param(id).query(ROW).optional();
  }

  /** Every entry, oldest first: the privacy officer's export. */
  public List<SharingEntry> all() {
    return jdbc.sql("select " + COLUMNS + " from sk_sharing_entry order by id").query(ROW).list();
  }

  /**
   * How the special-category entries of a case describe their data; empty when the case holds no
   * special-category data. One select on the case index: the task-form filter calls it per read.
   */
  public List<String> specialCategoryKinds(String casusId) {
    return jdbc.sql("select special_category_kinds from sk_sharing_entry"
            + " where casus_id = ? and special_categories = true")
        .param(casusId).query((rs, n) -> rs.getString(1)).list();
  }

  private static final RowMapper<SharingEntry> ROW = SharingRegister::row;

  private static SharingEntry row(ResultSet rs, int n) throws SQLException {
    boolean informed = rs.getBoolean("person_informed");
    Boolean personInformed = rs.wasNull() ? null : informed;
    return new SharingEntry(rs.getLong("id"), rs.getString("casus_id"),
        rs.getTimestamp("recorded_at").toLocalDateTime(), rs.getString("recorded_by"), rs.getString("kind"),
        rs.getString("from_party"), rs.getString("to_party"), rs.getString("purpose"),
        rs.getString("legal_basis"), rs.getString("proportionality"), rs.getString("subsidiarity"),
        rs.getString("data_categories"), rs.getBoolean("special_categories"),
        rs.getString("special_category_kinds"), personInformed, rs.getString("reason_not_informed"));
  }
}
