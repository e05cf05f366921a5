package nl.signaalketen.network;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Answers kept for the rest of the current transaction only: one engine command asks the registry
 * the same question several times (the meldpunt check of a new signal, then its first task's
 * offer). Nothing outlives the transaction, so no other node's change can be missed; a registry
 * write in the same transaction empties it. Outside a transaction every call asks.
 */
final class TransactionMemo<K, V> {

  private final Object resourceKey = new Object();

  V get(K key, Function<K, V> load) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return load.apply(key);
    }
    @SuppressWarnings("unchecked")
    Map<K, V> answers = (Map<K, V>) TransactionSynchronizationManager.getResource(resourceKey);
    if (answers == null) {
      answers = new HashMap<>();
      TransactionSynchronizationManager.bindResource(resourceKey, answers);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(resourceKey);
        }
      });
    }
    V known = answers.get(key);
    if (known == null) {
      known = load.apply(key);
      answers.put(key, known);
    }
    return known;
  }

  void forget() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      @SuppressWarnings("unchecked")
      Map<K, V> answers = (Map<K, V>) TransactionSynchronizationManager.getResource(resourceKey);
      if (answers != null) {
        answers.clear();
      }
    }
  }
}
