import { Card } from "~/ui/layout";
import type { ActionEvent, ActionState } from "~db/schema/remediation.constants";
import { EVENT_LABELS, STATE_LABELS } from "../workflow";

export type TimelineEvent = {
  id: string;
  event: string;
  fromState: string | null;
  toState: string | null;
  actorType: string;
  actorLabel: string;
  comment: string | null;
  at: string;
};

const OTHER_EVENTS: Record<string, string> = {
  raised: "Action raised",
  migrated: "Carried over from the former remediation task",
  finding_agreed: "Supplier agreed with the finding",
  finding_disputed: "Supplier disputed the finding",
  evidence_added: "Evidence file added",
  evidence_details: "Evidence owner or expiry changed",
  owner_assigned: "Owner changed",
  escalation: "Escalation recorded",
  remedy: "Remedy to workers recorded",
  regraded: "Graded again at a follow-up audit",
};

function label(e: TimelineEvent): string {
  return EVENT_LABELS[e.event as ActionEvent] ?? OTHER_EVENTS[e.event] ?? e.event;
}

/** Every step of the action, oldest first, with who did it and when. */
export function ActionTimeline({ events }: { events: TimelineEvent[] }) {
  return (
    <Card title="Timeline">
      <ol className="space-y-3 border-l border-slate-200 pl-4 text-sm" aria-label="Timeline">
        {events.map((e) => (
          <li key={e.id} className="relative">
            <span className="absolute -left-[1.3rem] top-1.5 h-2 w-2 rounded-full bg-slate-400" aria-hidden />
            <div className="font-medium text-slate-900">
              {label(e)}
              {e.toState && e.fromState ? (
                <span className="ml-1 font-normal text-slate-500">
                  ({STATE_LABELS[e.fromState as ActionState]} → {STATE_LABELS[e.toState as ActionState]})
                </span>
              ) : null}
            </div>
            <div className="text-xs text-slate-500">
              {e.at.slice(0, 16).replace("T", " ")} UTC · {e.actorLabel}
            </div>
            {e.comment ? <p className="mt-1 whitespace-pre-wrap text-slate-700">{e.comment}</p> : null}
          </li>
        ))}
      </ol>
    </Card>
  );
}
