import { data } from "@remix-run/node";
import { formFailure, handle, parseForm } from "~/infra/http.server";
import { requirePermission, type Member } from "~/orgs/guard.server";
import { importCompletions, MAX_IMPORT_BYTES, type RowError } from "./training-import.server";
import {
  completionSchema,
  courseSchema,
  createCourse,
  headcountSchema,
  recordCompletion,
  setStaffHeadcount,
} from "./training.server";

/** The training pages' forms, one function per intent; every one needs training:write. */
const ok = <I extends string>(intent: I, notice: string) => ({ ok: true as const, intent, notice });

function course(member: Member, form: FormData) {
  const parsed = parseForm(courseSchema, form, { intent: "course" });
  if (!parsed.ok) return parsed.response;
  return handle(
    () => {
      createCourse(member.ctx, parsed.data);
      return ok("course", `Course “${parsed.data.title}” added.`);
    },
    { intent: "course", values: parsed.values },
  );
}

function headcount(member: Member, form: FormData) {
  const parsed = parseForm(headcountSchema, form, { intent: "headcount" });
  if (!parsed.ok) return parsed.response;
  return handle(
    () => {
      setStaffHeadcount(member.ctx, parsed.data);
      return ok("headcount", `Staff in scope for ${parsed.data.year}: ${parsed.data.staffInScope}.`);
    },
    { intent: "headcount", values: parsed.values },
  );
}

async function importFile(member: Member, form: FormData) {
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) {
    return formFailure(400, { intent: "import", fieldErrors: { file: "Choose a CSV file to import." } });
  }
  if (file.size > MAX_IMPORT_BYTES) {
    return formFailure(400, {
      intent: "import",
      fieldErrors: { file: "The file is larger than 900 KB. Split it into several files." },
    });
  }
  const text = await file.text();
  const outcome = await handle(() => importCompletions(member.ctx, { name: file.name, text }));
  if (!outcome.ok) {
    return data(
      {
        ok: false as const,
        intent: "import" as const,
        formError: outcome.formError,
        fieldErrors: {} as Record<string, string>,
        rowErrors: outcome.rowErrors as RowError[],
      },
      { status: 400 },
    );
  }
  return ok(
    "import",
    `Imported ${outcome.imported} completions${outcome.alreadyRecorded ? `; ${outcome.alreadyRecorded} were recorded already` : ""}.`,
  );
}

export async function trainingIntent(member: Member, form: FormData) {
  requirePermission(
    member,
    "training:write",
    "Only admins, procurement and executives change training records.",
  );
  const intent = String(form.get("intent") ?? "");
  form.delete("intent");
  switch (intent) {
    case "course":
      return course(member, form);
    case "headcount":
      return headcount(member, form);
    case "import":
      return importFile(member, form);
  }
  return formFailure(400, { intent: "course", formError: "Unknown form submission." });
}

export function recordIntent(member: Member, courseId: string, form: FormData) {
  requirePermission(member, "training:write", "Only admins, procurement and executives record completions.");
  form.delete("intent");
  const parsed = parseForm(completionSchema, form, { intent: "record" });
  if (!parsed.ok) return parsed.response;
  return handle(
    () => {
      recordCompletion(member.ctx, courseId, parsed.data);
      return ok("record", `Completion of ${parsed.data.learnerName} recorded.`);
    },
    { intent: "record", values: parsed.values },
  );
}
