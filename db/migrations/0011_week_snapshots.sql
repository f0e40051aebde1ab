CREATE TABLE `week_snapshots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`week_start` text NOT NULL,
	`version` integer NOT NULL,
	`week_version` integer NOT NULL,
	`published_at` integer NOT NULL,
	`published_by` text,
	`published_by_name` text,
	`payload` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `week_snapshots_week_version_uq` ON `week_snapshots` (`week_start`,`version`);--> statement-breakpoint
ALTER TABLE `share_links` ADD `as_of` text DEFAULT 'current' NOT NULL;