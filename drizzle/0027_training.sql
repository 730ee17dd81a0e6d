CREATE TABLE `training_completions` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`course_id` text NOT NULL,
	`learner_name` text NOT NULL,
	`learner_email` text,
	`learner_key` text NOT NULL,
	`supplier_id` text,
	`completed_on` text NOT NULL,
	`source` text NOT NULL,
	`score_percent` integer,
	`language` text,
	`assignment_id` text,
	`recorded_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`course_id`) REFERENCES `training_courses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`supplier_id`) REFERENCES `suppliers`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `training_completions_once` ON `training_completions` (`course_id`,`learner_key`,`completed_on`);--> statement-breakpoint
CREATE INDEX `training_completions_org_day` ON `training_completions` (`organization_id`,`completed_on`);--> statement-breakpoint
CREATE TABLE `training_courses` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`title` text NOT NULL,
	`audience` text NOT NULL,
	`language` text NOT NULL,
	`duration_minutes` integer NOT NULL,
	`builtin` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `training_courses_title` ON `training_courses` (`organization_id`,`title`);--> statement-breakpoint
CREATE UNIQUE INDEX `training_courses_builtin` ON `training_courses` (`organization_id`,`builtin`);--> statement-breakpoint
CREATE TABLE `training_headcounts` (
	`organization_id` text NOT NULL,
	`year` integer NOT NULL,
	`staff_in_scope` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`organization_id`, `year`),
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
