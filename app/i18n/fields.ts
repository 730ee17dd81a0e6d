import type { LanguageCode } from "./languages";

/** Words the question form itself needs (not the questions: those come from the template's translations). */
export type FieldMessages = {
  choose: string;
  notApplicable: string;
  required: string;
  optional: string;
  evidenceRequested: string;
  attachFile: string;
  dateHint: string;
};

export const FIELD_MESSAGES: Record<LanguageCode, FieldMessages> = {
  en: {
    choose: "Choose…",
    notApplicable: "Not applicable",
    required: "Required",
    optional: "Optional",
    evidenceRequested: "Evidence requested",
    attachFile: "Attach a file",
    dateHint: "YYYY-MM-DD",
  },
  es: {
    choose: "Elija…",
    notApplicable: "No aplica",
    required: "Obligatoria",
    optional: "Opcional",
    evidenceRequested: "Se solicita evidencia",
    attachFile: "Adjuntar un archivo",
    dateHint: "AAAA-MM-DD",
  },
  fr: {
    choose: "Choisissez…",
    notApplicable: "Sans objet",
    required: "Obligatoire",
    optional: "Facultative",
    evidenceRequested: "Justificatif demandé",
    attachFile: "Joindre un fichier",
    dateHint: "AAAA-MM-JJ",
  },
  "zh-Hans": {
    choose: "请选择…",
    notApplicable: "不适用",
    required: "必答",
    optional: "选答",
    evidenceRequested: "需提供证明材料",
    attachFile: "附加文件",
    dateHint: "年-月-日（YYYY-MM-DD）",
  },
  vi: {
    choose: "Chọn…",
    notApplicable: "Không áp dụng",
    required: "Bắt buộc",
    optional: "Không bắt buộc",
    evidenceRequested: "Cần cung cấp bằng chứng",
    attachFile: "Đính kèm tệp",
    dateHint: "NNNN-TT-NN",
  },
  id: {
    choose: "Pilih…",
    notApplicable: "Tidak berlaku",
    required: "Wajib",
    optional: "Opsional",
    evidenceRequested: "Bukti diminta",
    attachFile: "Lampirkan berkas",
    dateHint: "TTTT-BB-HH",
  },
  pt: {
    choose: "Escolha…",
    notApplicable: "Não se aplica",
    required: "Obrigatória",
    optional: "Opcional",
    evidenceRequested: "Evidência solicitada",
    attachFile: "Anexar um arquivo",
    dateHint: "AAAA-MM-DD",
  },
  tr: {
    choose: "Seçin…",
    notApplicable: "Geçerli değil",
    required: "Zorunlu",
    optional: "İsteğe bağlı",
    evidenceRequested: "Kanıt isteniyor",
    attachFile: "Dosya ekle",
    dateHint: "YYYY-AA-GG",
  },
};

export function fieldMessages(lang: string): FieldMessages {
  return FIELD_MESSAGES[lang as LanguageCode] ?? FIELD_MESSAGES.en;
}
