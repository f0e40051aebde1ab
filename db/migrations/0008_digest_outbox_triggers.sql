-- Digests to the group chat: publishing enqueues one outbox row per active channel, whatever published the
-- week (form, import, CSV, API, CLI, any process), because the database itself does it in the same
-- transaction as the publish. A row is unique per (week, channel, kind, seq); NOT EXISTS keeps these inserts
-- from ever failing the publish, whatever conflict clause the outer statement uses.
CREATE TRIGGER `weeks_insert_enqueue_digest` AFTER INSERT ON `weeks` WHEN NEW.`status` = 'published'
BEGIN
  INSERT INTO `outbox` (`week_start`, `channel_id`, `kind`, `seq`, `week_version`)
  SELECT NEW.`week_start`, c.`id`, 'digest', 0, NEW.`version` FROM `channels` c
  WHERE c.`removed_at` IS NULL
    AND NOT EXISTS (SELECT 1 FROM `outbox` o WHERE o.`week_start` = NEW.`week_start` AND o.`channel_id` = c.`id` AND o.`kind` = 'digest' AND o.`seq` = 0);
END;
--> statement-breakpoint
CREATE TRIGGER `weeks_update_enqueue_digest` AFTER UPDATE OF `status` ON `weeks`
WHEN NEW.`status` = 'published' AND OLD.`status` <> 'published'
BEGIN
  INSERT INTO `outbox` (`week_start`, `channel_id`, `kind`, `seq`, `week_version`)
  SELECT NEW.`week_start`, c.`id`, 'digest', 0, NEW.`version` FROM `channels` c
  WHERE c.`removed_at` IS NULL
    AND NOT EXISTS (SELECT 1 FROM `outbox` o WHERE o.`week_start` = NEW.`week_start` AND o.`channel_id` = c.`id` AND o.`kind` = 'digest' AND o.`seq` = 0);
END;
--> statement-breakpoint
-- A restatement: a change to a week that is (still) published, recorded with a reason. Every audit row of
-- that save carries the same week version, so seq = week version gives one short note per version, and only
-- to channels whose digest was already on its way for an earlier version (a digest still waiting, unclaimed,
-- will show the corrected figures itself).
CREATE TRIGGER `revisions_insert_enqueue_restated` AFTER INSERT ON `revisions`
WHEN NEW.`reason` IS NOT NULL AND NEW.`week_start` IS NOT NULL AND NEW.`week_version` IS NOT NULL
  AND NEW.`entity` IN ('value', 'incident', 'week')
  AND (SELECT w.`status` FROM `weeks` w WHERE w.`week_start` = NEW.`week_start`) = 'published'
BEGIN
  INSERT INTO `outbox` (`week_start`, `channel_id`, `kind`, `seq`, `week_version`)
  SELECT NEW.`week_start`, c.`id`, 'restated', NEW.`week_version`, NEW.`week_version` FROM `channels` c
  WHERE c.`removed_at` IS NULL
    AND EXISTS (SELECT 1 FROM `outbox` d WHERE d.`week_start` = NEW.`week_start` AND d.`channel_id` = c.`id` AND d.`kind` = 'digest' AND d.`week_version` < NEW.`week_version`
                AND (d.`status` <> 'pending' OR d.`lease_owner` IS NOT NULL))
    AND NOT EXISTS (SELECT 1 FROM `outbox` o WHERE o.`week_start` = NEW.`week_start` AND o.`channel_id` = c.`id` AND o.`kind` = 'restated' AND o.`seq` = NEW.`week_version`);
END;
