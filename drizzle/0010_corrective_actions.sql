CREATE TABLE `scheme_grade_mappings` (
	`organization_id` text NOT NULL,
	`scheme` text NOT NULL,
	`word` text NOT NULL,
	`grade` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`organization_id`, `scheme`, `word`),
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `action_escalations` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`action_id` text NOT NULL,
	`supplier_id` text NOT NULL,
	`kind` text NOT NULL,
	`reason` text NOT NULL,
	`requested_by_user_id` text,
	`approver_user_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`action_id`) REFERENCES `remediation_tasks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`supplier_id`) REFERENCES `suppliers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`requested_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`approver_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `escalations_org_supplier` ON `action_escalations` (`organization_id`,`supplier_id`);--> statement-breakpoint
CREATE TABLE `corrective_action_events` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`action_id` text NOT NULL,
	`event` text NOT NULL,
	`from_state` text,
	`to_state` text,
	`actor_type` text NOT NULL,
	`actor_label` text NOT NULL,
	`actor_user_id` text,
	`comment` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`action_id`) REFERENCES `remediation_tasks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `action_events_action` ON `corrective_action_events` (`action_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `grade_policies` (
	`organization_id` text NOT NULL,
	`grade` text NOT NULL,
	`plan_days` integer NOT NULL,
	`resolution_days` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`organization_id`, `grade`),
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `findings` ADD `scheme_grade` text;--> statement-breakpoint
ALTER TABLE `findings` ADD `clause` text;--> statement-breakpoint
ALTER TABLE `evidence_files` ADD `action_id` text;--> statement-breakpoint
ALTER TABLE `evidence_files` ADD `uploaded_by_label` text;--> statement-breakpoint
CREATE INDEX `evidence_org_action` ON `evidence_files` (`organization_id`,`action_id`);--> statement-breakpoint
ALTER TABLE `remediation_tasks` ADD `clause` text;--> statement-breakpoint
ALTER TABLE `remediation_tasks` ADD `grade` text DEFAULT 'critical' NOT NULL;--> statement-breakpoint
ALTER TABLE `remediation_tasks` ADD `state` text DEFAULT 'open' NOT NULL;--> statement-breakpoint
ALTER TABLE `remediation_tasks` ADD `plan_due_date` text;--> statement-breakpoint
ALTER TABLE `remediation_tasks` ADD `root_cause` text;--> statement-breakpoint
ALTER TABLE `remediation_tasks` ADD `corrective_action` text;--> statement-breakpoint
ALTER TABLE `remediation_tasks` ADD `preventive_action` text;--> statement-breakpoint
ALTER TABLE `remediation_tasks` ADD `plan_target_date` text;--> statement-breakpoint
ALTER TABLE `remediation_tasks` ADD `supplier_owner` text;--> statement-breakpoint
ALTER TABLE `remediation_tasks` ADD `buyer_owner_user_id` text;--> statement-breakpoint
ALTER TABLE `remediation_tasks` ADD `supplier_response` text;--> statement-breakpoint
ALTER TABLE `remediation_tasks` ADD `supplier_response_reason` text;--> statement-breakpoint
ALTER TABLE `remediation_tasks` ADD `progress_note` text;--> statement-breakpoint
ALTER TABLE `remediation_tasks` ADD `evidence_submitted_by` text;--> statement-breakpoint
ALTER TABLE `remediation_tasks` ADD `evidence_submitted_at` integer;--> statement-breakpoint
ALTER TABLE `remediation_tasks` ADD `verification_method` text;--> statement-breakpoint
ALTER TABLE `remediation_tasks` ADD `verification_note` text;--> statement-breakpoint
ALTER TABLE `remediation_tasks` ADD `follow_up_audit_id` text;--> statement-breakpoint
ALTER TABLE `remediation_tasks` ADD `verified_by_user_id` text;--> statement-breakpoint
ALTER TABLE `remediation_tasks` ADD `verified_at` integer;--> statement-breakpoint
ALTER TABLE `remediation_tasks` ADD `updated_at` integer;--> statement-breakpoint
CREATE INDEX `tasks_org_state_due` ON `remediation_tasks` (`organization_id`,`state`,`due_date`,`id`);--> statement-breakpoint
CREATE INDEX `tasks_org_due` ON `remediation_tasks` (`organization_id`,`due_date`,`id`);--> statement-breakpoint
CREATE INDEX `tasks_org_supplier` ON `remediation_tasks` (`organization_id`,`supplier_id`);