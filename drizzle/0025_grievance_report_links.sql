CREATE TABLE `grievance_report_links` (
	`code` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`site_id` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `grievance_report_links_site_id_unique` ON `grievance_report_links` (`site_id`);
--> statement-breakpoint
-- Added by hand (drizzle cannot express triggers): every site gets the short code of its poster address
-- the moment it is inserted, whoever inserts it, so generating a poster never writes. 48 random bits as
-- twelve hex digits; OR IGNORE leaves a site whose code collided without one (its poster prints the full
-- address). Existing sites are filled first.
INSERT OR IGNORE INTO `grievance_report_links` (`code`, `organization_id`, `site_id`)
  SELECT lower(hex(randomblob(6))), `organization_id`, `id` FROM `sites`;
--> statement-breakpoint
CREATE TRIGGER `grievance_report_links_site_insert` AFTER INSERT ON `sites`
BEGIN
  INSERT OR IGNORE INTO `grievance_report_links` (`code`, `organization_id`, `site_id`)
    VALUES (lower(hex(randomblob(6))), new.`organization_id`, new.`id`);
END;
