CREATE TABLE `worker_remedies` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`action_id` text NOT NULL,
	`supplier_id` text NOT NULL,
	`kind` text NOT NULL,
	`description` text,
	`amount_minor` integer,
	`currency` text,
	`workers` integer NOT NULL,
	`remedied_on` text NOT NULL,
	`evidence_id` text,
	`recorded_by_user_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`action_id`) REFERENCES `remediation_tasks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`supplier_id`) REFERENCES `suppliers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `remedies_org_date` ON `worker_remedies` (`organization_id`,`remedied_on`);