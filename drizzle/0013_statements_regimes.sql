CREATE TABLE `governing_body_members` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`name` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`appointed_on` text NOT NULL,
	`left_on` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `governing_body_org` ON `governing_body_members` (`organization_id`);--> statement-breakpoint
CREATE TABLE `statement_comments` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`statement_id` text NOT NULL,
	`criterion_key` text,
	`body` text NOT NULL,
	`author_user_id` text,
	`author_label` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`statement_id`) REFERENCES `statements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `statement_comments_statement` ON `statement_comments` (`organization_id`,`statement_id`);--> statement-breakpoint
ALTER TABLE `statement_documents` ADD `page_count` integer;--> statement-breakpoint
ALTER TABLE `statement_documents` ADD `status` text DEFAULT 'draft' NOT NULL;--> statement-breakpoint
ALTER TABLE `statements` ADD `template_id` text DEFAULT 'uk-s54-2015' NOT NULL;--> statement-breakpoint
ALTER TABLE `statements` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `statements` ADD `revision_of_id` text;--> statement-breakpoint
ALTER TABLE `statements` ADD `revision_note` text;--> statement-breakpoint
ALTER TABLE `statements` ADD `details` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `statements` ADD `governing_body` text;--> statement-breakpoint
ALTER TABLE `statements` ADD `signatory_member_id` text;--> statement-breakpoint
ALTER TABLE `statements` ADD `signed_on` text;--> statement-breakpoint
ALTER TABLE `statements` ADD `approved_facts` text;--> statement-breakpoint
ALTER TABLE `statements` ADD `check_result` text;--> statement-breakpoint
ALTER TABLE `statements` ADD `audit_chain_head` text;--> statement-breakpoint
ALTER TABLE `statements` ADD `approved_at` integer;--> statement-breakpoint
ALTER TABLE `statements` ADD `published_at` integer;--> statement-breakpoint
ALTER TABLE `statements` ADD `published_document_id` text;--> statement-breakpoint
CREATE INDEX `statements_public` ON `statements` (`organization_id`,`status`,`period_end`);