ALTER TABLE `evidence_files` ADD `owner_user_id` text;--> statement-breakpoint
ALTER TABLE `evidence_files` ADD `expires_on` text;--> statement-breakpoint
ALTER TABLE `evidence_files` ADD `document_id` text;--> statement-breakpoint
ALTER TABLE `evidence_files` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `evidence_files` ADD `superseded_at` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `evidence_document_version` ON `evidence_files` (`document_id`,`version`);--> statement-breakpoint
CREATE INDEX `evidence_org_expires` ON `evidence_files` (`organization_id`,`expires_on`);--> statement-breakpoint
-- Added by hand (a data backfill drizzle cannot express): every existing file is the first version of
-- its own document, owned by the member who uploaded it.
UPDATE `evidence_files` SET `document_id` = `id`, `owner_user_id` = `uploaded_by_user_id`;
