CREATE TABLE `share_rate` (
	`client` text NOT NULL,
	`window_start` integer NOT NULL,
	`process` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`client`, `window_start`, `process`)
);
