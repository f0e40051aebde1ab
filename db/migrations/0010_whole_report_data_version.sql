-- Custom SQL migration file, put your code below! --
-- The whole report's tables show on the week page, the share page and the boards: every write bumps the
-- data version (as 0003_data_version.sql does for the KPI tables), so cached reads are dropped with it.
CREATE TRIGGER `objectives_insert_data_version` AFTER INSERT ON `objectives`
BEGIN UPDATE `settings` SET `value` = CAST(`value` AS INTEGER) + 1 WHERE `key` = 'data_version'; END;
--> statement-breakpoint
CREATE TRIGGER `objectives_update_data_version` AFTER UPDATE ON `objectives`
BEGIN UPDATE `settings` SET `value` = CAST(`value` AS INTEGER) + 1 WHERE `key` = 'data_version'; END;
--> statement-breakpoint
CREATE TRIGGER `objectives_delete_data_version` AFTER DELETE ON `objectives`
BEGIN UPDATE `settings` SET `value` = CAST(`value` AS INTEGER) + 1 WHERE `key` = 'data_version'; END;
--> statement-breakpoint
CREATE TRIGGER `initiatives_insert_data_version` AFTER INSERT ON `initiatives`
BEGIN UPDATE `settings` SET `value` = CAST(`value` AS INTEGER) + 1 WHERE `key` = 'data_version'; END;
--> statement-breakpoint
CREATE TRIGGER `initiatives_update_data_version` AFTER UPDATE ON `initiatives`
BEGIN UPDATE `settings` SET `value` = CAST(`value` AS INTEGER) + 1 WHERE `key` = 'data_version'; END;
--> statement-breakpoint
CREATE TRIGGER `initiatives_delete_data_version` AFTER DELETE ON `initiatives`
BEGIN UPDATE `settings` SET `value` = CAST(`value` AS INTEGER) + 1 WHERE `key` = 'data_version'; END;
--> statement-breakpoint
CREATE TRIGGER `initiative_updates_insert_data_version` AFTER INSERT ON `initiative_updates`
BEGIN UPDATE `settings` SET `value` = CAST(`value` AS INTEGER) + 1 WHERE `key` = 'data_version'; END;
--> statement-breakpoint
CREATE TRIGGER `initiative_updates_update_data_version` AFTER UPDATE ON `initiative_updates`
BEGIN UPDATE `settings` SET `value` = CAST(`value` AS INTEGER) + 1 WHERE `key` = 'data_version'; END;
--> statement-breakpoint
CREATE TRIGGER `initiative_updates_delete_data_version` AFTER DELETE ON `initiative_updates`
BEGIN UPDATE `settings` SET `value` = CAST(`value` AS INTEGER) + 1 WHERE `key` = 'data_version'; END;
--> statement-breakpoint
CREATE TRIGGER `findings_insert_data_version` AFTER INSERT ON `findings`
BEGIN UPDATE `settings` SET `value` = CAST(`value` AS INTEGER) + 1 WHERE `key` = 'data_version'; END;
--> statement-breakpoint
CREATE TRIGGER `findings_update_data_version` AFTER UPDATE ON `findings`
BEGIN UPDATE `settings` SET `value` = CAST(`value` AS INTEGER) + 1 WHERE `key` = 'data_version'; END;
--> statement-breakpoint
CREATE TRIGGER `findings_delete_data_version` AFTER DELETE ON `findings`
BEGIN UPDATE `settings` SET `value` = CAST(`value` AS INTEGER) + 1 WHERE `key` = 'data_version'; END;
--> statement-breakpoint
CREATE TRIGGER `finding_notes_insert_data_version` AFTER INSERT ON `finding_notes`
BEGIN UPDATE `settings` SET `value` = CAST(`value` AS INTEGER) + 1 WHERE `key` = 'data_version'; END;
--> statement-breakpoint
CREATE TRIGGER `finding_notes_update_data_version` AFTER UPDATE ON `finding_notes`
BEGIN UPDATE `settings` SET `value` = CAST(`value` AS INTEGER) + 1 WHERE `key` = 'data_version'; END;
--> statement-breakpoint
CREATE TRIGGER `finding_notes_delete_data_version` AFTER DELETE ON `finding_notes`
BEGIN UPDATE `settings` SET `value` = CAST(`value` AS INTEGER) + 1 WHERE `key` = 'data_version'; END;
--> statement-breakpoint
CREATE TRIGGER `week_items_insert_data_version` AFTER INSERT ON `week_items`
BEGIN UPDATE `settings` SET `value` = CAST(`value` AS INTEGER) + 1 WHERE `key` = 'data_version'; END;
--> statement-breakpoint
CREATE TRIGGER `week_items_update_data_version` AFTER UPDATE ON `week_items`
BEGIN UPDATE `settings` SET `value` = CAST(`value` AS INTEGER) + 1 WHERE `key` = 'data_version'; END;
--> statement-breakpoint
CREATE TRIGGER `week_items_delete_data_version` AFTER DELETE ON `week_items`
BEGIN UPDATE `settings` SET `value` = CAST(`value` AS INTEGER) + 1 WHERE `key` = 'data_version'; END;
--> statement-breakpoint
CREATE TRIGGER `plan_checks_insert_data_version` AFTER INSERT ON `plan_checks`
BEGIN UPDATE `settings` SET `value` = CAST(`value` AS INTEGER) + 1 WHERE `key` = 'data_version'; END;
--> statement-breakpoint
CREATE TRIGGER `plan_checks_update_data_version` AFTER UPDATE ON `plan_checks`
BEGIN UPDATE `settings` SET `value` = CAST(`value` AS INTEGER) + 1 WHERE `key` = 'data_version'; END;
--> statement-breakpoint
CREATE TRIGGER `plan_checks_delete_data_version` AFTER DELETE ON `plan_checks`
BEGIN UPDATE `settings` SET `value` = CAST(`value` AS INTEGER) + 1 WHERE `key` = 'data_version'; END;
