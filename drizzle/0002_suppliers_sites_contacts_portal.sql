CREATE TABLE `sites` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`supplier_id` text NOT NULL,
	`name` text NOT NULL,
	`address` text,
	`country` text NOT NULL,
	`latitude` real,
	`longitude` real,
	`workers_total` integer,
	`migrant_workers_pct` real,
	`agency_workers_pct` real,
	`dormitories` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`supplier_id`) REFERENCES `suppliers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sites_org_supplier` ON `sites` (`organization_id`,`supplier_id`);--> statement-breakpoint
CREATE INDEX `sites_org_country` ON `sites` (`organization_id`,`country`);--> statement-breakpoint
CREATE TABLE `supplier_contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`supplier_id` text NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`phone` text,
	`job_title` text,
	`language` text,
	`is_primary` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`supplier_id`) REFERENCES `suppliers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `supplier_contacts_supplier` ON `supplier_contacts` (`organization_id`,`supplier_id`);--> statement-breakpoint
ALTER TABLE `suppliers` ADD `trade_name` text;--> statement-breakpoint
ALTER TABLE `suppliers` ADD `external_ref` text;--> statement-breakpoint
ALTER TABLE `suppliers` ADD `address` text;--> statement-breakpoint
ALTER TABLE `suppliers` ADD `goods` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `suppliers` ADD `annual_spend` real;--> statement-breakpoint
ALTER TABLE `suppliers` ADD `currency` text;--> statement-breakpoint
ALTER TABLE `suppliers` ADD `status` text DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE `suppliers` ADD `tags` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `suppliers_org_external_ref` ON `suppliers` (`organization_id`,`external_ref`);--> statement-breakpoint
CREATE INDEX `suppliers_org_risk` ON `suppliers` (`organization_id`,`risk_score`);--> statement-breakpoint
CREATE INDEX `suppliers_org_tier` ON `suppliers` (`organization_id`,`tier`);--> statement-breakpoint
ALTER TABLE `questionnaire_assignments` ADD `campaign_id` text;--> statement-breakpoint
ALTER TABLE `questionnaire_assignments` ADD `language` text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE `supplier_portal_sessions` ADD `verified_at` integer;--> statement-breakpoint
ALTER TABLE `evidence_files` ADD `assignment_id` text;--> statement-breakpoint
ALTER TABLE `evidence_files` ADD `question_id` text;