CREATE TABLE `grievance_conversations` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`sender_hash` text NOT NULL,
	`case_id` text NOT NULL,
	`last_message_on` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`case_id`) REFERENCES `grievance_cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `grievance_conversations_sender` ON `grievance_conversations` (`organization_id`,`sender_hash`);--> statement-breakpoint
CREATE TABLE `grievance_inbound_seen` (
	`organization_id` text NOT NULL,
	`message_hash` text NOT NULL,
	`seen_on` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `grievance_inbound_seen_message` ON `grievance_inbound_seen` (`organization_id`,`message_hash`);--> statement-breakpoint
CREATE TABLE `grievance_sms_channels` (
	`organization_id` text PRIMARY KEY NOT NULL,
	`provider` text DEFAULT 'twilio' NOT NULL,
	`account_sid` text NOT NULL,
	`auth_token_sealed` text NOT NULL,
	`auth_token_hint` text NOT NULL,
	`default_language` text DEFAULT 'en' NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
