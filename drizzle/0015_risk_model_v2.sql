CREATE TABLE `risk_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`reason` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	`done` integer DEFAULT 0 NOT NULL,
	`changed` integer DEFAULT 0 NOT NULL,
	`cursor` text,
	`error` text,
	`requested_by_label` text NOT NULL,
	`created_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `risk_jobs_org` ON `risk_jobs` (`organization_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `risk_overrides` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`supplier_id` text NOT NULL,
	`level` text NOT NULL,
	`justification` text NOT NULL,
	`expires_on` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`computed_score` integer,
	`computed_level` text,
	`requested_by_user_id` text NOT NULL,
	`requested_by_label` text NOT NULL,
	`decided_by_user_id` text,
	`decided_by_label` text,
	`decision_note` text,
	`decided_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`supplier_id`) REFERENCES `suppliers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`requested_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `risk_overrides_org_supplier` ON `risk_overrides` (`organization_id`,`supplier_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `risk_settings` (
	`organization_id` text PRIMARY KEY NOT NULL,
	`audit_max_age_months` integer DEFAULT 24 NOT NULL,
	`applied_fingerprint` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `supplier_risk_inputs` (
	`supplier_id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`answers` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`supplier_id`) REFERENCES `suppliers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `sites` ADD `seasonal_work` integer;--> statement-breakpoint
ALTER TABLE `sites` ADD `xinjiang_nexus` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `suppliers` ADD `inherent_score` integer;--> statement-breakpoint
ALTER TABLE `suppliers` ADD `residual_score` integer;--> statement-breakpoint
ALTER TABLE `suppliers` ADD `coverage` text;--> statement-breakpoint
ALTER TABLE `suppliers` ADD `exposure_score` integer;--> statement-breakpoint
ALTER TABLE `suppliers` ADD `exposure_path` text;--> statement-breakpoint
ALTER TABLE `suppliers` ADD `risk_headline` text;--> statement-breakpoint
ALTER TABLE `suppliers` ADD `override_level` text;--> statement-breakpoint
ALTER TABLE `suppliers` ADD `override_expires_on` text;--> statement-breakpoint
ALTER TABLE `suppliers` ADD `xinjiang_nexus` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `suppliers_org_matrix` ON `suppliers` (`organization_id`,`inherent_score`,`residual_score`);--> statement-breakpoint
ALTER TABLE `risk_assessments` ADD `inherent_score` integer;--> statement-breakpoint
ALTER TABLE `risk_assessments` ADD `coverage` text;--> statement-breakpoint
ALTER TABLE `risk_assessments` ADD `inputs` text;--> statement-breakpoint
ALTER TABLE `risk_assessments` ADD `editions` text;--> statement-breakpoint
ALTER TABLE `risk_assessments` ADD `change_note` text;