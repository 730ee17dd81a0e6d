import type { LanguageCode } from "~/i18n/languages";
import { translator, type Messages } from "~/i18n/translate";

/**
 * What a supplier reads about its corrective actions (pages and emails). Server-only: loaders send the
 * page strings of one language to the page. English and Spanish are written
 * out; the other portal languages fall back to English until translated (translator's English fallback),
 * so nothing is ever shown as a bare key. Values the buyer typed (titles, comments) appear as written.
 */
const en = {
  "page.title": "Corrective actions for {supplier}",
  "page.intro":
    "{org} asks {supplier} to fix what its audits and questionnaires found. For each action: say whether you agree with the finding, send a plan, report progress and upload evidence.",
  "page.none": "There are no open corrective actions.",
  "state.open": "Plan due",
  "state.plan_submitted": "Plan sent, waiting for review",
  "state.plan_returned": "Plan returned: please revise",
  "state.plan_accepted": "Plan accepted",
  "state.in_progress": "In progress",
  "state.evidence_submitted": "Evidence sent, waiting for verification",
  "state.verified": "Verified",
  "state.closed": "Closed",
  "state.escalated": "Escalated",
  "state.reopened": "Reopened: a new plan is due",
  "action.planDue": "Plan due by {date}",
  "action.due": "To be resolved by {date}",
  "action.returned": "Comment from {org}: {comment}",
  "respond.legend": "Do you agree with this finding?",
  "respond.agree": "I agree",
  "respond.dispute": "I dispute it",
  "respond.reason": "Reason (required if you dispute)",
  "respond.submit": "Send answer",
  "respond.agreed": "You agreed with this finding.",
  "respond.disputed": "You disputed this finding: {reason}",
  "plan.rootCause": "Root cause",
  "plan.correctiveAction": "Corrective action",
  "plan.preventiveAction": "Preventive action",
  "plan.planTargetDate": "Completion date",
  "plan.supplierOwner": "Person responsible",
  "plan.submit": "Send plan",
  "progress.note": "Progress so far",
  "progress.start": "Work has started",
  "evidence.file": "Evidence file",
  "evidence.upload": "Upload",
  "evidence.note": "What the evidence shows",
  "evidence.submit": "Send evidence for verification",
  "evidence.count": "{count} evidence file(s) uploaded",
  "saved.respond": "Your answer was sent.",
  "saved.submit_plan": "Your plan was sent for review.",
  "evidence.choose": "Choose a file to upload.",
  "err.field": "Please fill this in (at least 10 characters for descriptions).",
  "err.date": "Enter a date that has not passed yet.",
  "err.reason": "Say why you dispute the finding.",
  "err.response": "Choose whether you agree or dispute.",
  "saved.start_work": "Saved.",
  "saved.upload": "File uploaded.",
  "saved.submit_evidence": "Your evidence was sent for verification.",
  "verify.title": "Confirm it is you",
  "verify.body": "We emailed a 6-digit code to {email}. Enter it to open the corrective actions.",
  "verify.code": "Code",
  "verify.submit": "Confirm",
  "verify.resend": "Send a new code",
  "verify.wrong": "That code is not right. Check the latest email and try again.",
  "verify.expired": "That code has expired. Ask for a new one.",
  "verify.locked": "Too many wrong codes. Ask for a new one.",
  "verify.format": "Enter the 6 digits from the email.",
  "verify.sent": "A new code is on its way.",
  "verify.limit": "Too many codes were requested. Try again in a few minutes.",
  "verify.tooMany": "Too many codes were entered. Try again in {minutes} minutes.",
  "landing.title": "{org}: corrective actions for {supplier}",
  "landing.body":
    "Open the link to see the corrective actions {org} shares with you. We will email you a code to confirm it is you.",
  "landing.open": "Open the corrective actions",
  "landing.invalid": "This link is not valid any more. Ask your customer for a new one.",
  "landing.tooMany": "Too many attempts from this network. Try again in {minutes} minutes.",
  "email.greeting": "Dear {name},",
  "email.invite.subject": "{org}: corrective actions for your company",
  "email.invite.heading": "{org} shares corrective actions with you",
  "email.invite.body":
    "{org} asks {supplier} to respond to the findings of its audits and questionnaires: agree or dispute each one, send a plan and report progress with evidence.",
  "email.invite.button": "Open the corrective actions",
  "email.validUntil": "This link works until {date}.",
  "email.code.subject": "{code} is your code for the {org} corrective actions",
  "email.code.heading": "Your confirmation code",
  "email.code.body":
    "Enter this code to open the corrective actions {org} shares with {supplier}. It is valid for 10 minutes.",
  "email.footer": "Sent by Clearsource on behalf of {org}.",
};
type Key = keyof typeof en;

const es: Messages<Key> = {
  "page.title": "Acciones correctivas de {supplier}",
  "page.intro":
    "{org} pide a {supplier} que corrija lo que encontraron sus auditorías y cuestionarios. Para cada acción: indique si está de acuerdo con el hallazgo, envíe un plan, informe del avance y suba evidencias.",
  "page.none": "No hay acciones correctivas abiertas.",
  "state.open": "Plan pendiente",
  "state.plan_submitted": "Plan enviado, en revisión",
  "state.plan_returned": "Plan devuelto: revíselo",
  "state.plan_accepted": "Plan aceptado",
  "state.in_progress": "En curso",
  "state.evidence_submitted": "Evidencias enviadas, en verificación",
  "state.verified": "Verificada",
  "state.closed": "Cerrada",
  "state.escalated": "Escalada",
  "state.reopened": "Reabierta: se necesita un nuevo plan",
  "action.planDue": "Plan antes del {date}",
  "action.due": "Resolver antes del {date}",
  "action.returned": "Comentario de {org}: {comment}",
  "respond.legend": "¿Está de acuerdo con este hallazgo?",
  "respond.agree": "Estoy de acuerdo",
  "respond.dispute": "Lo discuto",
  "respond.reason": "Motivo (obligatorio si lo discute)",
  "respond.submit": "Enviar respuesta",
  "respond.agreed": "Usted está de acuerdo con este hallazgo.",
  "respond.disputed": "Usted discute este hallazgo: {reason}",
  "plan.rootCause": "Causa raíz",
  "plan.correctiveAction": "Acción correctiva",
  "plan.preventiveAction": "Acción preventiva",
  "plan.planTargetDate": "Fecha de finalización",
  "plan.supplierOwner": "Persona responsable",
  "plan.submit": "Enviar plan",
  "progress.note": "Avance hasta ahora",
  "progress.start": "El trabajo ha comenzado",
  "evidence.file": "Archivo de evidencia",
  "evidence.upload": "Subir",
  "evidence.note": "Qué muestra la evidencia",
  "evidence.submit": "Enviar evidencias para verificación",
  "evidence.count": "{count} archivo(s) de evidencia subidos",
  "saved.respond": "Su respuesta se ha enviado.",
  "saved.submit_plan": "Su plan se ha enviado para revisión.",
  "evidence.choose": "Elija un archivo para subir.",
  "err.field": "Complete este campo (al menos 10 caracteres en las descripciones).",
  "err.date": "Indique una fecha que aún no haya pasado.",
  "err.reason": "Indique por qué discute el hallazgo.",
  "err.response": "Elija si está de acuerdo o lo discute.",
  "saved.start_work": "Guardado.",
  "saved.upload": "Archivo subido.",
  "saved.submit_evidence": "Sus evidencias se han enviado para verificación.",
  "verify.title": "Confirme que es usted",
  "verify.body":
    "Enviamos un código de 6 cifras a {email}. Introdúzcalo para abrir las acciones correctivas.",
  "verify.code": "Código",
  "verify.submit": "Confirmar",
  "verify.resend": "Enviar un código nuevo",
  "verify.wrong": "El código no es correcto. Revise el último correo e inténtelo de nuevo.",
  "verify.expired": "El código ha caducado. Pida uno nuevo.",
  "verify.locked": "Demasiados códigos incorrectos. Pida uno nuevo.",
  "verify.format": "Introduzca las 6 cifras del correo.",
  "verify.sent": "Le hemos enviado un código nuevo.",
  "verify.limit": "Se han pedido demasiados códigos. Inténtelo dentro de unos minutos.",
  "verify.tooMany": "Se han introducido demasiados códigos. Inténtelo dentro de {minutes} minutos.",
  "landing.title": "{org}: acciones correctivas de {supplier}",
  "landing.body":
    "Abra el enlace para ver las acciones correctivas que {org} comparte con usted. Le enviaremos un código por correo para confirmar que es usted.",
  "landing.open": "Abrir las acciones correctivas",
  "landing.invalid": "Este enlace ya no es válido. Pida uno nuevo a su cliente.",
  "landing.tooMany": "Demasiados intentos desde esta red. Inténtelo dentro de {minutes} minutos.",
  "email.greeting": "Estimado/a {name}:",
  "email.invite.subject": "{org}: acciones correctivas para su empresa",
  "email.invite.heading": "{org} comparte con usted acciones correctivas",
  "email.invite.body":
    "{org} pide a {supplier} que responda a los hallazgos de sus auditorías y cuestionarios: acepte o discuta cada uno, envíe un plan e informe del avance con evidencias.",
  "email.invite.button": "Abrir las acciones correctivas",
  "email.validUntil": "Este enlace funciona hasta el {date}.",
  "email.code.subject": "{code} es su código para las acciones correctivas de {org}",
  "email.code.heading": "Su código de confirmación",
  "email.code.body":
    "Introduzca este código para abrir las acciones correctivas que {org} comparte con {supplier}. Es válido durante 10 minutos.",
  "email.footer": "Enviado por Clearsource en nombre de {org}.",
};

const AREA: Record<LanguageCode, Messages<Key>> = {
  en,
  es,
  fr: en,
  "zh-Hans": en,
  vi: en,
  id: en,
  pt: en,
  tr: en,
};

export type SupplierActionsKey = Key;
export const supplierActionsT = translator(AREA);
/**
 * One language's page strings, for a loader to send to the page (the email strings stay on the server;
 * English fills any key a language lacks).
 */
export function supplierActionsMessages(lang: string): Messages<Key> {
  const table = (AREA as Record<string, Messages<Key>>)[lang] ?? en;
  return Object.fromEntries(
    (Object.keys(en) as Key[]).filter((k) => !k.startsWith("email.")).map((k) => [k, table[k] ?? en[k]]),
  ) as Messages<Key>;
}
