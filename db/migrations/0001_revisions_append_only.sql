-- Custom SQL migration file, put your code below! --
-- The audit trail is append-only: history that can be edited cannot be trusted.
CREATE TRIGGER `revisions_no_update` BEFORE UPDATE ON `revisions`
BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `revisions_no_delete` BEFORE DELETE ON `revisions`
BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
