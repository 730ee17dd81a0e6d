CREATE TABLE `grievance_cases` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`number` integer NOT NULL,
	`receipt_hash` text NOT NULL,
	`channel` text DEFAULT 'web' NOT NULL,
	`language` text NOT NULL,
	`intake_site_id` text,
	`received_on` text NOT NULL,
	`what_happened` text NOT NULL,
	`place` text,
	`since` text DEFAULT 'unknown' NOT NULL,
	`how_many` text DEFAULT 'unknown' NOT NULL,
	`ongoing` text DEFAULT 'unknown' NOT NULL,
	`indicators` text NOT NULL,
	`contact_sealed` text,
	`state` text DEFAULT 'received' NOT NULL,
	`supplier_id` text,
	`site_id` text,
	`acknowledged_on` text,
	`feedback_on` text,
	`decided_on` text,
	`closed_on` text,
	`action_id` text,
	`decision_note` text,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`intake_site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`supplier_id`) REFERENCES `suppliers`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `grievance_cases_receipt` ON `grievance_cases` (`organization_id`,`receipt_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `grievance_cases_number` ON `grievance_cases` (`organization_id`,`number`);--> statement-breakpoint
CREATE INDEX `grievance_cases_org_state` ON `grievance_cases` (`organization_id`,`state`);--> statement-breakpoint
CREATE INDEX `grievance_cases_org_supplier` ON `grievance_cases` (`organization_id`,`supplier_id`);--> statement-breakpoint
CREATE TABLE `grievance_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`case_id` text NOT NULL,
	`seq` integer NOT NULL,
	`author` text NOT NULL,
	`author_user_id` text,
	`body` text NOT NULL,
	`sent_on` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`case_id`) REFERENCES `grievance_cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `grievance_messages_seq` ON `grievance_messages` (`case_id`,`seq`);