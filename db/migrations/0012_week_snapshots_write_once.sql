-- Custom SQL migration file, put your code below! --
-- A published week is a record: its snapshots are write-once, like the audit trail.
CREATE TRIGGER `week_snapshots_no_update` BEFORE UPDATE ON `week_snapshots`
BEGIN SELECT RAISE(ABORT, 'week snapshots are write-once'); END;
--> statement-breakpoint
CREATE TRIGGER `week_snapshots_no_delete` BEFORE DELETE ON `week_snapshots`
BEGIN SELECT RAISE(ABORT, 'week snapshots are write-once'); END;
--> statement-breakpoint
-- Pages showing "as reported" read snapshots, so a new one drops cached reads (see 0003_data_version.sql).
CREATE TRIGGER `week_snapshots_insert_data_version` AFTER INSERT ON `week_snapshots`
BEGIN UPDATE `settings` SET `value` = CAST(`value` AS INTEGER) + 1 WHERE `key` = 'data_version'; END;
