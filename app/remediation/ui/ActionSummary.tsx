import { Link } from "@remix-run/react";
import { iloIndicatorLabel } from "~/audits/catalogue";
import { GradeBadge } from "~/audits/GradeBadge";
import { Badge, Card } from "~/ui/layout";
import type { FindingGrade } from "~db/schema/audits.constants";
import type { ActionState } from "~db/schema/remediation.constants";
import type { OverdueKind } from "../deadlines";
import { OverdueBadge, StateBadge } from "./StateBadge";

export type ActionView = {
  id: string;
  supplierId: string;
  supplierName: string;
  title: string;
  clause: string | null;
  iloIndicator: string | null;
  grade: FindingGrade;
  state: ActionState;
  planDueDate: string | null;
  dueDate: string;
  overdueKind: OverdueKind;
  rootCause: string | null;
  correctiveAction: string | null;
  preventiveAction: string | null;
  planTargetDate: string | null;
  supplierOwner: string | null;
  buyerOwner: string | null;
  supplierResponse: "agreed" | "disputed" | null;
  supplierResponseReason: string | null;
  progressNote: string | null;
  evidenceSubmittedAt: string | null;
  verificationMethod: "desk_review" | "follow_up_audit" | null;
  verificationNote: string | null;
  followUpAuditId: string | null;
  verifiedBy: string | null;
  verifiedAt: string | null;
  completionNote: string | null;
  closedBy: string | null;
  closedAt: string | null;
  createdAt: string;
};

export const METHOD_LABELS = {
  desk_review: "Desk review of the evidence",
  follow_up_audit: "Follow-up audit",
} as const;

function Item({
  label,
  children,
  className,
}: {
  label: string;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <div className={className}>
      <dt className="text-slate-500">{label}</dt>
      <dd className="mt-1">{children}</dd>
    </div>
  );
}

export function ActionSummary({
  item: a,
  source,
}: {
  item: ActionView;
  source: { label: string; detail: string | null; href: string | null };
}) {
  return (
    <Card title="Corrective action">
      <dl className="grid gap-4 text-sm sm:grid-cols-3">
        <Item label="Status">
          <span className="flex flex-wrap gap-1">
            <StateBadge state={a.state} />
            <OverdueBadge kind={a.overdueKind} />
          </span>
        </Item>
        <Item label="Grade">
          <GradeBadge grade={a.grade} />
        </Item>
        <Item label="Raised by">
          {source.href ? (
            <Link className="link" to={source.href}>
              {source.label}
            </Link>
          ) : (
            source.label
          )}
          {source.detail ? <span className="block text-slate-500">{source.detail}</span> : null}
        </Item>
        <Item label="Plan due">
          <span className={a.overdueKind === "plan" ? "font-semibold text-red-700" : undefined}>
            {a.planDueDate ?? "—"}
          </span>
        </Item>
        <Item label="Resolution due">
          <span className={a.overdueKind === "resolution" ? "font-semibold text-red-700" : undefined}>
            {a.dueDate}
          </span>
        </Item>
        <Item label="ILO indicator">
          {a.iloIndicator ? (iloIndicatorLabel(a.iloIndicator) ?? a.iloIndicator) : "—"}
        </Item>
        <Item label="Clause">{a.clause ?? "—"}</Item>
        <Item label="Owner at the supplier">{a.supplierOwner ?? "—"}</Item>
        <Item label="Owner on our side">{a.buyerOwner ?? "—"}</Item>
        <Item label="Supplier's response to the finding">
          {a.supplierResponse === "agreed" ? (
            <Badge tone="green">Agreed</Badge>
          ) : a.supplierResponse === "disputed" ? (
            <>
              <Badge tone="red">Disputed</Badge>
              {a.supplierResponseReason ? (
                <span className="mt-1 block whitespace-pre-wrap text-slate-700">
                  {a.supplierResponseReason}
                </span>
              ) : null}
            </>
          ) : (
            <span className="text-slate-500">No response yet</span>
          )}
        </Item>
      </dl>
    </Card>
  );
}

export function PlanCard({ item: a }: { item: ActionView }) {
  if (!a.rootCause) return null;
  return (
    <Card title="Corrective action plan">
      <dl className="space-y-3 text-sm">
        <Item label="Root cause">
          <p className="whitespace-pre-wrap">{a.rootCause}</p>
        </Item>
        <Item label="Corrective action">
          <p className="whitespace-pre-wrap">{a.correctiveAction}</p>
        </Item>
        <Item label="Preventive action">
          <p className="whitespace-pre-wrap">{a.preventiveAction}</p>
        </Item>
        <Item label="Completion date committed to">{a.planTargetDate ?? "—"}</Item>
        {a.progressNote ? (
          <Item label="Latest progress">
            <p className="whitespace-pre-wrap">{a.progressNote}</p>
          </Item>
        ) : null}
      </dl>
    </Card>
  );
}

export function VerificationCard({ item: a }: { item: ActionView }) {
  if (!a.verifiedAt) return null;
  return (
    <Card title="Verification">
      <dl className="grid gap-4 text-sm sm:grid-cols-2">
        <Item label="Method">
          {a.verificationMethod ? METHOD_LABELS[a.verificationMethod] : "—"}
          {a.followUpAuditId ? (
            <Link className="link ml-1" to={`/audits/${a.followUpAuditId}`}>
              (audit)
            </Link>
          ) : null}
        </Item>
        <Item label="Verified">
          {a.verifiedAt.slice(0, 10)}
          {a.verifiedBy ? ` by ${a.verifiedBy}` : ""}
        </Item>
        <Item label="What was checked" className="sm:col-span-2">
          <p className="whitespace-pre-wrap">{a.verificationNote}</p>
        </Item>
        {a.closedAt ? (
          <Item label="Closed">
            {a.closedAt.slice(0, 10)}
            {a.closedBy ? ` by ${a.closedBy}` : ""}
            {a.completionNote ? (
              <span className="block whitespace-pre-wrap text-slate-700">{a.completionNote}</span>
            ) : null}
          </Item>
        ) : null}
      </dl>
    </Card>
  );
}
