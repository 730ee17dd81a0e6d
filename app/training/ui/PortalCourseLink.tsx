import type { LanguageCode } from "~/i18n/languages";
import { translator } from "~/i18n/translate";

/**
 * The portal's way into the built-in course, in the page's language (two short strings, so the
 * questionnaire page does not download the course itself). Checked with the other areas in
 * app/i18n/strings.test.ts.
 */
export const COURSE_LINK_STRINGS: Record<LanguageCode, { title: string; body: string }> = {
  en: {
    title: "Training for your staff",
    body: "A 20-minute course on recognising the warning signs of forced labour, with a short quiz.",
  },
  es: {
    title: "Formación para su personal",
    body: "Un curso de 20 minutos para reconocer las señales de alerta del trabajo forzoso, con un breve cuestionario.",
  },
  fr: {
    title: "Formation pour votre personnel",
    body: "Un module de 20 minutes pour reconnaître les signes d'alerte du travail forcé, avec un court quiz.",
  },
  "zh-Hans": { title: "员工培训", body: "一门 20 分钟的课程，教您识别强迫劳动的警示迹象，并附简短测验。" },
  vi: {
    title: "Đào tạo cho nhân viên của bạn",
    body: "Khóa học 20 phút về nhận biết các dấu hiệu cảnh báo lao động cưỡng bức, kèm bài kiểm tra ngắn.",
  },
  id: {
    title: "Pelatihan untuk staf Anda",
    body: "Kursus 20 menit tentang mengenali tanda-tanda peringatan kerja paksa, dengan kuis singkat.",
  },
  pt: {
    title: "Formação para o seu pessoal",
    body: "Um curso de 20 minutos para reconhecer os sinais de alerta do trabalho forçado, com um breve questionário.",
  },
  tr: {
    title: "Çalışanlarınız için eğitim",
    body: "Zorla çalıştırmanın uyarı işaretlerini tanımaya yönelik, kısa bir sınavı olan 20 dakikalık bir eğitim.",
  },
};

const linkT = translator(COURSE_LINK_STRINGS);

export function PortalCourseLink({ assignmentId, lang }: { assignmentId: string; lang: string }) {
  const t = linkT(lang);
  return (
    <a
      href={`/portal/${assignmentId}/training?lang=${encodeURIComponent(lang)}`}
      className="block rounded-md border border-slate-200 p-3 text-sm hover:bg-slate-50"
    >
      <span className="font-medium text-brand-700">{t("title")}</span>
      <span className="mt-1 block text-xs text-slate-600">{t("body")}</span>
    </a>
  );
}
