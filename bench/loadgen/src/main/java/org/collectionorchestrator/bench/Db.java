package org.collectionorchestrator.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.LongPredicate;

/** Read-only look at the service's database (counts only). */
final class Db implements AutoCloseable {

    private final Connection connection;

    Db(String url) throws SQLException {
        this.connection = DriverManager.getConnection(url, System.getProperty("bench.db.user", "postgres"), "");
        this.connection.setReadOnly(true);
    }

    long count(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Polls {@code sql} every {@code pollMillis} until {@code done} holds or {@code timeoutMillis} passed; returns the
     * nanoTime when it held, or -1 on time-out.
     */
    long awaitCount(String sql, LongPredicate done, long pollMillis, long timeoutMillis) throws Exception {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (System.nanoTime() < deadline) {
            if (done.test(count(sql))) {
                return System.nanoTime();
            }
            Thread.sleep(pollMillis);
        }
        return -1;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
