DROP TABLE `login_throttle`;--> statement-breakpoint
DROP TABLE `rate_limit`;