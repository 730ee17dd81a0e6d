CREATE TABLE `campaign_recipients` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`campaign_id` text NOT NULL,
	`supplier_id` text NOT NULL,
	`language` text NOT NULL,
	`assignment_id` text,
	`overdue_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`supplier_id`) REFERENCES `suppliers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assignment_id`) REFERENCES `questionnaire_assignments`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaign_recipients_campaign_supplier` ON `campaign_recipients` (`campaign_id`,`supplier_id`);--> statement-breakpoint
CREATE INDEX `campaign_recipients_pending` ON `campaign_recipients` (`campaign_id`,`assignment_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `campaign_recipients_assignment` ON `campaign_recipients` (`assignment_id`);--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`name` text NOT NULL,
	`template_id` text NOT NULL,
	`template_key` text NOT NULL,
	`template_version` text NOT NULL,
	`template_title` text NOT NULL,
	`snapshot_id` text NOT NULL,
	`question_count` integer NOT NULL,
	`due_date` text NOT NULL,
	`reminder_days_before` text NOT NULL,
	`overdue_every_days` integer DEFAULT 7 NOT NULL,
	`language_mode` text DEFAULT 'contact' NOT NULL,
	`link_expires_at` integer NOT NULL,
	`audience` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	`queued` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`created_by_user_id` text,
	`created_at` integer NOT NULL,
	`started_at` integer,
	`completed_at` integer,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`snapshot_id`) REFERENCES `questionnaire_snapshots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `campaigns_org_created` ON `campaigns` (`organization_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `questionnaire_snapshots` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`hash` text NOT NULL,
	`template` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `questionnaire_snapshots_org_hash` ON `questionnaire_snapshots` (`organization_id`,`hash`);--> statement-breakpoint
CREATE TABLE `scheduled_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text,
	`kind` text NOT NULL,
	`run_at` integer NOT NULL,
	`payload` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`max_attempts` integer DEFAULT 6 NOT NULL,
	`locked_until` integer,
	`locked_by` text,
	`unique_key` text,
	`last_error` text,
	`finished_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scheduled_jobs_unique_key_unique` ON `scheduled_jobs` (`unique_key`);--> statement-breakpoint
CREATE INDEX `scheduled_jobs_due` ON `scheduled_jobs` (`status`,`run_at`);--> statement-breakpoint
CREATE INDEX `scheduled_jobs_org_kind` ON `scheduled_jobs` (`organization_id`,`kind`);