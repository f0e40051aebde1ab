-- Custom SQL migration file, put your code below! --
-- One counter for "what the dashboard shows changed": every write to the KPI tables bumps it, from any
-- process (server, CLI import, restore), so cached pages are dropped exactly when their data changes.
INSERT INTO `settings` (`key`, `value`) VALUES ('data_version', '0') ON CONFLICT(`key`) DO NOTHING;
--> statement-breakpoint
CREATE TRIGGER `weeks_insert_data_version` AFTER INSERT ON `weeks`
BEGIN UPDATE `settings` SET `value` = CAST(`value` AS INTEGER) + 1 WHERE `key` = 'data_version'; END;
--> statement-breakpoint
CREATE TRIGGER `weeks_update_data_version` AFTER UPDATE ON `weeks`
BEGIN UPDATE `settings` SET `value` = CAST(`value` AS INTEGER) + 1 WHERE `key` = 'data_version'; END;
--> statement-breakpoint
CREATE TRIGGER `weeks_delete_data_version` AFTER DELETE ON `weeks`
BEGIN UPDATE `settings` SET `value` = CAST(`value` AS INTEGER) + 1 WHERE `key` = 'data_version'; END;
--> statement-breakpoint
CREATE TRIGGER `metric_values_insert_data_version` AFTER INSERT ON `metric_values`
BEGIN UPDATE `settings` SET `value` = CAST(`value` AS INTEGER) + 1 WHERE `key` = 'data_version'; END;
--> statement-breakpoint
CREATE TRIGGER `metric_values_update_data_version` AFTER UPDATE ON `metric_values`
BEGIN UPDATE `settings` SET `value` = CAST(`value` AS INTEGER) + 1 WHERE `key` = 'data_version'; END;
--> statement-breakpoint
CREATE TRIGGER `metric_values_delete_data_version` AFTER DELETE ON `metric_values`
BEGIN UPDATE `settings` SET `value` = CAST(`value` AS INTEGER) + 1 WHERE `key` = 'data_version'; END;
--> statement-breakpoint
CREATE TRIGGER `incidents_insert_data_version` AFTER INSERT ON `incidents`
BEGIN UPDATE `settings` SET `value` = CAST(`value` AS INTEGER) + 1 WHERE `key` = 'data_version'; END;
--> statement-breakpoint
CREATE TRIGGER `incidents_update_data_version` AFTER UPDATE ON `incidents`
BEGIN UPDATE `settings` SET `value` = CAST(`value` AS INTEGER) + 1 WHERE `key` = 'data_version'; END;
--> statement-breakpoint
CREATE TRIGGER `incidents_delete_data_version` AFTER DELETE ON `incidents`
BEGIN UPDATE `settings` SET `value` = CAST(`value` AS INTEGER) + 1 WHERE `key` = 'data_version'; END;
--> statement-breakpoint
CREATE TRIGGER `targets_insert_data_version` AFTER INSERT ON `targets`
BEGIN UPDATE `settings` SET `value` = CAST(`value` AS INTEGER) + 1 WHERE `key` = 'data_version'; END;
--> statement-breakpoint
CREATE TRIGGER `targets_update_data_version` AFTER UPDATE ON `targets`
BEGIN UPDATE `settings` SET `value` = CAST(`value` AS INTEGER) + 1 WHERE `key` = 'data_version'; END;
--> statement-breakpoint
CREATE TRIGGER `targets_delete_data_version` AFTER DELETE ON `targets`
BEGIN UPDATE `settings` SET `value` = CAST(`value` AS INTEGER) + 1 WHERE `key` = 'data_version'; END;
--> statement-breakpoint
CREATE TRIGGER `metrics_insert_data_version` AFTER INSERT ON `metrics`
BEGIN UPDATE `settings` SET `value` = CAST(`value` AS INTEGER) + 1 WHERE `key` = 'data_version'; END;
--> statement-breakpoint
CREATE TRIGGER `metrics_update_data_version` AFTER UPDATE ON `metrics`
BEGIN UPDATE `settings` SET `value` = CAST(`value` AS INTEGER) + 1 WHERE `key` = 'data_version'; END;
--> statement-breakpoint
CREATE TRIGGER `metrics_delete_data_version` AFTER DELETE ON `metrics`
BEGIN UPDATE `settings` SET `value` = CAST(`value` AS INTEGER) + 1 WHERE `key` = 'data_version'; END;
