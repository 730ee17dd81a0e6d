import { DEFAULT_LANGUAGE, isSupportedLanguage, type LanguageCode } from "~/i18n/languages";

/**
 * What suppliers read in the invitation, reminder and overdue emails, in each language the portal supports.
 * Values the buyer typed (organisation, supplier and questionnaire names) are inserted as written.
 */
export type EmailStrings = {
  /** Locale for dates (Intl). */
  locale: string;
  brandTagline: string;
  greeting: (name: string) => string;
  button: string;
  pasteLink: string;
  personalLink: (expiresOn: string) => string;
  invitation: {
    subject: (org: string, title: string, supplier: string) => string;
    heading: (org: string, title: string) => string;
    body: (org: string, supplier: string, questionCount: number) => string;
    due: (dueOn: string) => string;
  };
  reminder: {
    subject: (org: string, title: string, dueOn: string) => string;
    heading: (title: string, dueOn: string) => string;
    body: (org: string, supplier: string, dueOn: string) => string;
  };
  overdue: {
    subject: (org: string, title: string) => string;
    heading: (title: string) => string;
    body: (org: string, supplier: string, dueOn: string) => string;
  };
  /** Every reminder carries a fresh link: the earlier ones stop working. */
  newLinkNote: string;
};

const en: EmailStrings = {
  locale: "en-GB",
  brandTagline: "Supplier due diligence",
  greeting: (n) => `Dear ${n},`,
  button: "Open the questionnaire",
  pasteLink: "Or paste this link into your browser:",
  personalLink: (e) =>
    `The link is personal to you and works until ${e}. Do not forward it: anyone with the link can ask for access on your company's behalf. If you did not expect this email, you can ignore it.`,
  invitation: {
    subject: (o, t, s) => `${o}: please complete the ${t.toLowerCase()} for ${s}`,
    heading: (o, t) => `${o} asks you to complete a ${t.toLowerCase()}`,
    body: (o, s, n) =>
      `${o} is asking ${s} to answer ${n} questions about how workers are recruited, employed, paid and housed. You do not need an account: the button below opens the questionnaire. Your answers are saved as you type, so you can stop and come back to it.`,
    due: (d) => `Please submit it by ${d}.`,
  },
  reminder: {
    subject: (o, t, d) => `Reminder: ${o}'s ${t.toLowerCase()} is due on ${d}`,
    heading: (t, d) => `Your ${t.toLowerCase()} is due on ${d}`,
    body: (o, s, d) =>
      `This is a friendly reminder that ${o} is waiting for ${s}'s answers. Please complete and submit the questionnaire by ${d}. Anything you already answered has been kept.`,
  },
  overdue: {
    subject: (o, t) => `Overdue: ${o}'s ${t.toLowerCase()}`,
    heading: (t) => `Your ${t.toLowerCase()} is overdue`,
    body: (o, s, d) =>
      `The questionnaire ${o} sent to ${s} was due on ${d} and has not been submitted yet. Please complete it as soon as possible; anything you already answered has been kept.`,
  },
  newLinkNote: "This email contains a new link: links in earlier emails no longer work.",
};

const es: EmailStrings = {
  locale: "es",
  brandTagline: "Diligencia debida de proveedores",
  greeting: (n) => `Estimado/a ${n}:`,
  button: "Abrir el cuestionario",
  pasteLink: "O pegue este enlace en su navegador:",
  personalLink: (e) =>
    `El enlace es personal y funciona hasta el ${e}. No lo reenvíe: cualquier persona con el enlace puede solicitar acceso en nombre de su empresa. Si no esperaba este correo, puede ignorarlo.`,
  invitation: {
    subject: (o, t, s) => `${o}: complete el cuestionario «${t}» para ${s}`,
    heading: (o, t) => `${o} le pide que complete «${t}»`,
    body: (o, s, n) =>
      `${o} pide a ${s} que responda ${n} preguntas sobre cómo se contrata, emplea, paga y aloja a los trabajadores. No necesita una cuenta: el botón de abajo abre el cuestionario. Sus respuestas se guardan mientras escribe, así que puede interrumpir y continuar más tarde.`,
    due: (d) => `Envíelo antes del ${d}.`,
  },
  reminder: {
    subject: (o, t, d) => `Recordatorio: «${t}» de ${o} vence el ${d}`,
    heading: (t, d) => `Su cuestionario «${t}» vence el ${d}`,
    body: (o, s, d) =>
      `Le recordamos que ${o} espera las respuestas de ${s}. Complete y envíe el cuestionario antes del ${d}. Todo lo que ya respondió se ha conservado.`,
  },
  overdue: {
    subject: (o, t) => `Vencido: «${t}» de ${o}`,
    heading: (t) => `Su cuestionario «${t}» está vencido`,
    body: (o, s, d) =>
      `El cuestionario que ${o} envió a ${s} vencía el ${d} y aún no se ha enviado. Complételo lo antes posible; todo lo que ya respondió se ha conservado.`,
  },
  newLinkNote: "Este correo contiene un enlace nuevo: los enlaces de correos anteriores ya no funcionan.",
};

const fr: EmailStrings = {
  locale: "fr",
  brandTagline: "Devoir de vigilance fournisseurs",
  greeting: (n) => `Bonjour ${n},`,
  button: "Ouvrir le questionnaire",
  pasteLink: "Ou collez ce lien dans votre navigateur :",
  personalLink: (e) =>
    `Ce lien vous est personnel et fonctionne jusqu'au ${e}. Ne le transférez pas : toute personne disposant du lien peut demander l'accès au nom de votre entreprise. Si vous n'attendiez pas cet e-mail, vous pouvez l'ignorer.`,
  invitation: {
    subject: (o, t, s) => `${o} : merci de compléter « ${t} » pour ${s}`,
    heading: (o, t) => `${o} vous demande de compléter « ${t} »`,
    body: (o, s, n) =>
      `${o} demande à ${s} de répondre à ${n} questions sur le recrutement, l'emploi, la rémunération et l'hébergement des travailleurs. Aucun compte n'est nécessaire : le bouton ci-dessous ouvre le questionnaire. Vos réponses sont enregistrées au fur et à mesure, vous pouvez donc vous interrompre et reprendre plus tard.`,
    due: (d) => `Merci de l'envoyer avant le ${d}.`,
  },
  reminder: {
    subject: (o, t, d) => `Rappel : « ${t} » de ${o} est attendu le ${d}`,
    heading: (t, d) => `Votre questionnaire « ${t} » est attendu le ${d}`,
    body: (o, s, d) =>
      `Pour rappel, ${o} attend les réponses de ${s}. Merci de compléter et d'envoyer le questionnaire avant le ${d}. Vos réponses déjà saisies ont été conservées.`,
  },
  overdue: {
    subject: (o, t) => `En retard : « ${t} » de ${o}`,
    heading: (t) => `Votre questionnaire « ${t} » est en retard`,
    body: (o, s, d) =>
      `Le questionnaire envoyé par ${o} à ${s} était attendu le ${d} et n'a pas encore été envoyé. Merci de le compléter dès que possible ; vos réponses déjà saisies ont été conservées.`,
  },
  newLinkNote: "Cet e-mail contient un nouveau lien : les liens des e-mails précédents ne fonctionnent plus.",
};

const zhHans: EmailStrings = {
  locale: "zh-Hans",
  brandTagline: "供应商尽职调查",
  greeting: (n) => `${n}，您好：`,
  button: "打开问卷",
  pasteLink: "或将此链接粘贴到浏览器中：",
  personalLink: (e) =>
    `此链接仅供您本人使用，有效期至${e}。请勿转发：任何持有此链接的人都可以代表贵公司申请访问。如果您没有预期收到此邮件，可以忽略。`,
  invitation: {
    subject: (o, t, s) => `${o}：请为${s}填写《${t}》`,
    heading: (o, t) => `${o}请您填写《${t}》`,
    body: (o, s, n) =>
      `${o}请${s}回答${n}个关于工人招聘、雇佣、工资和住宿情况的问题。您无需注册账户：点击下方按钮即可打开问卷。您的回答会在输入时自动保存，可以随时中断并稍后继续。`,
    due: (d) => `请在${d}之前提交。`,
  },
  reminder: {
    subject: (o, t, d) => `提醒：${o}的《${t}》将于${d}到期`,
    heading: (t, d) => `您的《${t}》将于${d}到期`,
    body: (o, s, d) =>
      `温馨提醒：${o}正在等待${s}的回答。请在${d}之前填写并提交问卷。您已填写的内容均已保存。`,
  },
  overdue: {
    subject: (o, t) => `已逾期：${o}的《${t}》`,
    heading: (t) => `您的《${t}》已逾期`,
    body: (o, s, d) => `${o}发送给${s}的问卷已于${d}到期，但尚未提交。请尽快填写；您已填写的内容均已保存。`,
  },
  newLinkNote: "此邮件包含新的链接：之前邮件中的链接已失效。",
};

const vi: EmailStrings = {
  locale: "vi",
  brandTagline: "Thẩm định nhà cung cấp",
  greeting: (n) => `Kính gửi ${n},`,
  button: "Mở bảng câu hỏi",
  pasteLink: "Hoặc dán liên kết này vào trình duyệt:",
  personalLink: (e) =>
    `Liên kết này dành riêng cho bạn và có hiệu lực đến ${e}. Không chuyển tiếp liên kết: bất kỳ ai có liên kết đều có thể yêu cầu quyền truy cập thay mặt công ty bạn. Nếu bạn không mong đợi email này, bạn có thể bỏ qua.`,
  invitation: {
    subject: (o, t, s) => `${o}: vui lòng hoàn thành "${t}" cho ${s}`,
    heading: (o, t) => `${o} đề nghị bạn hoàn thành "${t}"`,
    body: (o, s, n) =>
      `${o} đề nghị ${s} trả lời ${n} câu hỏi về cách người lao động được tuyển dụng, làm việc, trả lương và bố trí chỗ ở. Bạn không cần tài khoản: nút bên dưới sẽ mở bảng câu hỏi. Câu trả lời được lưu tự động khi bạn nhập, vì vậy bạn có thể tạm dừng và quay lại sau.`,
    due: (d) => `Vui lòng gửi trước ngày ${d}.`,
  },
  reminder: {
    subject: (o, t, d) => `Nhắc nhở: "${t}" của ${o} đến hạn vào ${d}`,
    heading: (t, d) => `"${t}" của bạn đến hạn vào ${d}`,
    body: (o, s, d) =>
      `Xin nhắc rằng ${o} đang chờ câu trả lời của ${s}. Vui lòng hoàn thành và gửi bảng câu hỏi trước ngày ${d}. Những gì bạn đã trả lời vẫn được giữ nguyên.`,
  },
  overdue: {
    subject: (o, t) => `Quá hạn: "${t}" của ${o}`,
    heading: (t) => `"${t}" của bạn đã quá hạn`,
    body: (o, s, d) =>
      `Bảng câu hỏi ${o} gửi cho ${s} đã đến hạn vào ${d} nhưng chưa được gửi. Vui lòng hoàn thành càng sớm càng tốt; những gì bạn đã trả lời vẫn được giữ nguyên.`,
  },
  newLinkNote: "Email này có liên kết mới: liên kết trong các email trước không còn hoạt động.",
};

const id: EmailStrings = {
  locale: "id",
  brandTagline: "Uji tuntas pemasok",
  greeting: (n) => `Yth. ${n},`,
  button: "Buka kuesioner",
  pasteLink: "Atau tempelkan tautan ini ke peramban Anda:",
  personalLink: (e) =>
    `Tautan ini khusus untuk Anda dan berlaku hingga ${e}. Jangan meneruskannya: siapa pun yang memiliki tautan dapat meminta akses atas nama perusahaan Anda. Jika Anda tidak mengharapkan email ini, abaikan saja.`,
  invitation: {
    subject: (o, t, s) => `${o}: mohon lengkapi "${t}" untuk ${s}`,
    heading: (o, t) => `${o} meminta Anda melengkapi "${t}"`,
    body: (o, s, n) =>
      `${o} meminta ${s} menjawab ${n} pertanyaan tentang cara pekerja direkrut, dipekerjakan, dibayar, dan diberi tempat tinggal. Anda tidak memerlukan akun: tombol di bawah membuka kuesioner. Jawaban Anda tersimpan saat Anda mengetik, jadi Anda dapat berhenti dan melanjutkan nanti.`,
    due: (d) => `Mohon kirimkan sebelum ${d}.`,
  },
  reminder: {
    subject: (o, t, d) => `Pengingat: "${t}" dari ${o} jatuh tempo pada ${d}`,
    heading: (t, d) => `"${t}" Anda jatuh tempo pada ${d}`,
    body: (o, s, d) =>
      `Ini pengingat bahwa ${o} menunggu jawaban dari ${s}. Mohon lengkapi dan kirimkan kuesioner sebelum ${d}. Jawaban yang sudah Anda isi tetap tersimpan.`,
  },
  overdue: {
    subject: (o, t) => `Terlambat: "${t}" dari ${o}`,
    heading: (t) => `"${t}" Anda sudah melewati batas waktu`,
    body: (o, s, d) =>
      `Kuesioner yang dikirim ${o} kepada ${s} jatuh tempo pada ${d} dan belum dikirimkan. Mohon lengkapi secepatnya; jawaban yang sudah Anda isi tetap tersimpan.`,
  },
  newLinkNote: "Email ini berisi tautan baru: tautan di email sebelumnya tidak berlaku lagi.",
};

const pt: EmailStrings = {
  locale: "pt",
  brandTagline: "Due diligence de fornecedores",
  greeting: (n) => `Prezado(a) ${n},`,
  button: "Abrir o questionário",
  pasteLink: "Ou cole este link no seu navegador:",
  personalLink: (e) =>
    `O link é pessoal e funciona até ${e}. Não o encaminhe: qualquer pessoa com o link pode pedir acesso em nome da sua empresa. Se não esperava este e-mail, pode ignorá-lo.`,
  invitation: {
    subject: (o, t, s) => `${o}: preencha o questionário "${t}" para ${s}`,
    heading: (o, t) => `${o} pede que preencha "${t}"`,
    body: (o, s, n) =>
      `${o} pede a ${s} que responda a ${n} perguntas sobre como os trabalhadores são recrutados, empregados, pagos e alojados. Não precisa de conta: o botão abaixo abre o questionário. As respostas são guardadas enquanto escreve, por isso pode parar e continuar mais tarde.`,
    due: (d) => `Envie-o até ${d}.`,
  },
  reminder: {
    subject: (o, t, d) => `Lembrete: "${t}" de ${o} vence em ${d}`,
    heading: (t, d) => `O seu questionário "${t}" vence em ${d}`,
    body: (o, s, d) =>
      `Lembramos que ${o} aguarda as respostas de ${s}. Preencha e envie o questionário até ${d}. Tudo o que já respondeu foi guardado.`,
  },
  overdue: {
    subject: (o, t) => `Em atraso: "${t}" de ${o}`,
    heading: (t) => `O seu questionário "${t}" está em atraso`,
    body: (o, s, d) =>
      `O questionário que ${o} enviou a ${s} vencia em ${d} e ainda não foi enviado. Preencha-o o mais depressa possível; tudo o que já respondeu foi guardado.`,
  },
  newLinkNote: "Este e-mail contém um link novo: os links de e-mails anteriores deixaram de funcionar.",
};

const tr: EmailStrings = {
  locale: "tr",
  brandTagline: "Tedarikçi durum tespiti",
  greeting: (n) => `Sayın ${n},`,
  button: "Anketi aç",
  pasteLink: "Veya bu bağlantıyı tarayıcınıza yapıştırın:",
  personalLink: (e) =>
    `Bu bağlantı size özeldir ve ${e} tarihine kadar geçerlidir. Başkasına iletmeyin: bağlantıya sahip herkes şirketiniz adına erişim isteyebilir. Bu e-postayı beklemiyorsanız yok sayabilirsiniz.`,
  invitation: {
    subject: (o, t, s) => `${o}: lütfen ${s} için "${t}" formunu doldurun`,
    heading: (o, t) => `${o} sizden "${t}" formunu doldurmanızı istiyor`,
    body: (o, s, n) =>
      `${o}, ${s} firmasından işçilerin nasıl işe alındığı, çalıştırıldığı, ücretlendirildiği ve barındırıldığı hakkında ${n} soruyu yanıtlamasını istiyor. Hesap gerekmez: aşağıdaki düğme anketi açar. Yanıtlarınız yazarken kaydedilir; ara verip daha sonra devam edebilirsiniz.`,
    due: (d) => `Lütfen ${d} tarihine kadar gönderin.`,
  },
  reminder: {
    subject: (o, t, d) => `Hatırlatma: ${o} için "${t}" son tarihi ${d}`,
    heading: (t, d) => `"${t}" için son tarih ${d}`,
    body: (o, s, d) =>
      `${o}, ${s} firmasının yanıtlarını bekliyor. Lütfen anketi ${d} tarihine kadar doldurup gönderin. Daha önce verdiğiniz yanıtlar saklandı.`,
  },
  overdue: {
    subject: (o, t) => `Süresi geçti: ${o} için "${t}"`,
    heading: (t) => `"${t}" için süre doldu`,
    body: (o, s, d) =>
      `${o} tarafından ${s} firmasına gönderilen anketin son tarihi ${d} idi ve henüz gönderilmedi. Lütfen en kısa sürede doldurun; daha önce verdiğiniz yanıtlar saklandı.`,
  },
  newLinkNote: "Bu e-posta yeni bir bağlantı içerir: önceki e-postalardaki bağlantılar artık çalışmaz.",
};

export const EMAIL_STRINGS: Record<LanguageCode, EmailStrings> = {
  en,
  es,
  fr,
  "zh-Hans": zhHans,
  vi,
  id,
  pt,
  tr,
};

/** The strings for a language, English when the language is not one we ship. */
export function emailStrings(language: string | null | undefined): EmailStrings {
  return EMAIL_STRINGS[isSupportedLanguage(language) ? language : DEFAULT_LANGUAGE];
}

/** A date in the supplier's language, in UTC (a YYYY-MM-DD due date never shifts by a day). */
export function emailDate(d: Date | string, language: string | null | undefined): string {
  const date =
    typeof d === "string" && /^\d{4}-\d{2}-\d{2}$/.test(d) ? new Date(`${d}T00:00:00Z`) : new Date(d);
  return new Intl.DateTimeFormat(emailStrings(language).locale, {
    dateStyle: "long",
    timeZone: "UTC",
  }).format(date);
}
