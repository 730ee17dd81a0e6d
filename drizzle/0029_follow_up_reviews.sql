CREATE TABLE `follow_up_reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`audit_id` text NOT NULL,
	`finding_id` text NOT NULL,
	`outcome` text NOT NULL,
	`from_grade` text NOT NULL,
	`to_grade` text NOT NULL,
	`scheme_grade` text,
	`note` text,
	`reviewed_by_user_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`audit_id`) REFERENCES `audits`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`finding_id`) REFERENCES `findings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reviewed_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `follow_up_reviews_org_audit` ON `follow_up_reviews` (`organization_id`,`audit_id`,`created_at`);