package dev.holdfast.client.journal.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {
    @TempDir
    Path dir;

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("m.db"));
    }

    @Test
    void stepsAreNumberedFromOneWithoutGaps() {
        Migrations.checkNumbering(Migrations.STEPS);
        assertThat(Migrations.latest()).isEqualTo(Migrations.STEPS.size());
        assertThatThrownBy(() -> Migrations.checkNumbering(List.of(new Migrations.Step(1, "a", List.of()),
                new Migrations.Step(3, "c", List.of())))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void migratesAnEmptyFileToTheLatestVersionOnce() throws Exception {
        try (Connection db = connect()) {
            assertThat(Migrations.migrate(db)).isEqualTo(Migrations.latest());
            assertThat(Migrations.userVersion(db)).isEqualTo(Migrations.latest());
            assertThat(tables(db)).contains("meta", "conversations", "events", "outbox", "drafts", "log");
            assertThat(Migrations.migrate(db)).as("nothing left to do").isEqualTo(Migrations.latest());
        }
    }

    @Test
    void aFailingStepLeavesTheFileAtThePreviousStep() throws Exception {
        List<Migrations.Step> steps = List.of(
                new Migrations.Step(1, "one", List.of("CREATE TABLE one (x)")),
                new Migrations.Step(2, "two", List.of("CREATE TABLE two (x)", "THIS IS NOT SQL")));
        try (Connection db = connect()) {
            assertThatThrownBy(() -> Migrations.migrate(db, steps)).isInstanceOf(SQLException.class);
            assertThat(Migrations.userVersion(db)).isEqualTo(1);
            assertThat(tables(db)).contains("one").doesNotContain("two");
        }
    }

    @Test
    void continuesFromTheVersionTheFileHas() throws Exception {
        List<Migrations.Step> first = List.of(new Migrations.Step(1, "one", List.of("CREATE TABLE one (x)")));
        List<Migrations.Step> both = List.of(first.get(0),
                new Migrations.Step(2, "two", List.of("CREATE TABLE two (x)")));
        try (Connection db = connect()) {
            Migrations.migrate(db, first);
            assertThat(Migrations.migrate(db, both)).isEqualTo(2);
            assertThat(tables(db)).contains("one", "two");
        }
    }

    private static List<String> tables(Connection db) throws SQLException {
        List<String> names = new java.util.ArrayList<>();
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
