import type { LanguageCode } from "./languages";
import { translator } from "./translate";

/** The PDF copy of a supplier's answers, in each supported language. Server-only: PDFs render there. */
const en = {
  // PDF copy
  "pdf.title": "Copy of your answers",
  "pdf.answeredFor": "Answered for {org} by {supplier}",
  "pdf.language": "Language",
  "pdf.submittedOn": "Submitted on",
  "pdf.notSubmitted": "Not submitted yet",
  "pdf.status": "Status",
  "pdf.files": "Files",
  "pdf.footer": "{title} · copy generated {date}",
};

export type PdfKey = keyof typeof en;

const es: Record<PdfKey, string> = {
  "pdf.title": "Copia de sus respuestas",
  "pdf.answeredFor": "Respondido para {org} por {supplier}",
  "pdf.language": "Idioma",
  "pdf.submittedOn": "Enviado el",
  "pdf.notSubmitted": "Aún no enviado",
  "pdf.status": "Estado",
  "pdf.files": "Archivos",
  "pdf.footer": "{title} · copia generada el {date}",
};

const fr: Record<PdfKey, string> = {
  "pdf.title": "Copie de vos réponses",
  "pdf.answeredFor": "Réponses de {supplier} pour {org}",
  "pdf.language": "Langue",
  "pdf.submittedOn": "Envoyé le",
  "pdf.notSubmitted": "Pas encore envoyé",
  "pdf.status": "Statut",
  "pdf.files": "Fichiers",
  "pdf.footer": "{title} · copie générée le {date}",
};

const zhHans: Record<PdfKey, string> = {
  "pdf.title": "您的答案副本",
  "pdf.answeredFor": "{supplier} 为 {org} 填写",
  "pdf.language": "语言",
  "pdf.submittedOn": "提交日期",
  "pdf.notSubmitted": "尚未提交",
  "pdf.status": "状态",
  "pdf.files": "文件",
  "pdf.footer": "{title} · 副本生成于 {date}",
};

const vi: Record<PdfKey, string> = {
  "pdf.title": "Bản sao câu trả lời của bạn",
  "pdf.answeredFor": "{supplier} trả lời cho {org}",
  "pdf.language": "Ngôn ngữ",
  "pdf.submittedOn": "Ngày gửi",
  "pdf.notSubmitted": "Chưa gửi",
  "pdf.status": "Trạng thái",
  "pdf.files": "Tệp",
  "pdf.footer": "{title} · bản sao tạo ngày {date}",
};

const id: Record<PdfKey, string> = {
  "pdf.title": "Salinan jawaban Anda",
  "pdf.answeredFor": "Dijawab oleh {supplier} untuk {org}",
  "pdf.language": "Bahasa",
  "pdf.submittedOn": "Dikirim pada",
  "pdf.notSubmitted": "Belum dikirim",
  "pdf.status": "Status",
  "pdf.files": "File",
  "pdf.footer": "{title} · salinan dibuat {date}",
};

const pt: Record<PdfKey, string> = {
  "pdf.title": "Cópia das suas respostas",
  "pdf.answeredFor": "Respondido por {supplier} para {org}",
  "pdf.language": "Idioma",
  "pdf.submittedOn": "Enviado em",
  "pdf.notSubmitted": "Ainda não enviado",
  "pdf.status": "Estado",
  "pdf.files": "Ficheiros",
  "pdf.footer": "{title} · cópia gerada em {date}",
};

const tr: Record<PdfKey, string> = {
  "pdf.title": "Yanıtlarınızın kopyası",
  "pdf.answeredFor": "{supplier} tarafından {org} için yanıtlandı",
  "pdf.language": "Dil",
  "pdf.submittedOn": "Gönderim tarihi",
  "pdf.notSubmitted": "Henüz gönderilmedi",
  "pdf.status": "Durum",
  "pdf.files": "Dosyalar",
  "pdf.footer": "{title} · kopya oluşturma tarihi {date}",
};
export const PDF_STRINGS: Record<LanguageCode, Record<PdfKey, string>> = {
  en,
  es,
  fr,
  "zh-Hans": zhHans,
  vi,
  id,
  pt,
  tr,
};

export const pdfT = translator(PDF_STRINGS);
