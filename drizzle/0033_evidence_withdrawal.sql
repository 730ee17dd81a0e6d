ALTER TABLE `evidence_files` ADD `withdrawn_at` integer;--> statement-breakpoint
ALTER TABLE `evidence_files` ADD `withdrawn_by_user_id` text;--> statement-breakpoint
ALTER TABLE `evidence_files` ADD `withdrawn_by_label` text;--> statement-breakpoint
ALTER TABLE `evidence_files` ADD `withdrawn_reason` text;--> statement-breakpoint
ALTER TABLE `evidence_files` ADD `object_kept` integer;--> statement-breakpoint
ALTER TABLE `evidence_files` ADD `object_deleted_at` integer;