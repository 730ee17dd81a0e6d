import { formatDate } from "./dates";
import { DEFAULT_LANGUAGE, isSupportedLanguage, type LanguageCode } from "./languages";
import { translator } from "./translate";

/**
 * Every email a supplier receives, in each supported language. Server-only: the browser never needs them.
 * Two shapes, one per kind of email: the portal emails (code, new link, receipt, returned) are keyed
 * strings with {placeholders} read through `emailT`; the invitation, reminder and overdue emails build
 * sentences from typed arguments (`emailStrings`), because their grammar differs per language in ways a
 * placeholder cannot say (English and Spanish lower-case the questionnaire's title mid-sentence, Chinese
 * quotes it in 《》). Values the buyer typed (organisation, supplier and questionnaire names) are
 * inserted as written.
 */
const enKeys = {
  // Emails
  "email.greeting": "Dear {name},",
  "email.code.subject": "{code} is your code for the {org} questionnaire",
  "email.code.heading": "Your confirmation code",
  "email.code.body":
    "Enter this code to open the questionnaire {org} sent to {supplier}. It is valid for 10 minutes.",
  "email.code.ignore":
    "If you did not try to open the questionnaire, someone may have your link: you can ignore this email, they cannot open it without this code.",
  "email.newLink.subject": "Your new link to the {org} questionnaire",
  "email.newLink.heading": "Here is your new link",
  "email.newLink.body":
    "You asked for a new link to the questionnaire {org} sent to {supplier}. The old link no longer works.",
  "email.newLink.button": "Open the questionnaire",
  "email.newLink.validUntil": "This link works until {date}.",
  "email.receipt.subject": "Receipt: your answers for {org}",
  "email.receipt.heading": "Thank you: your answers were received",
  "email.receipt.body":
    "Your answers to the questionnaire for {org} were submitted on {date}, declared by {name} ({jobTitle}). {org} will review them and may come back to you with questions.",
  "email.receipt.footer":
    "You can view your answers and download a PDF copy through the link in your invitation while it is valid.",
  "email.returned.subject": "{org} asks you to update some answers",
  "email.returned.heading": "{org} returned some answers for changes",
  "email.returned.body":
    "{org} reviewed your answers and asks you to update the following questions. Your other answers are kept as submitted.",
  "email.returned.action":
    "Open the link in your invitation to change these answers and submit again. It works until {date}.",
  "email.footer": "Sent by Clearsource on behalf of {org}.",
};

export type EmailKey = keyof typeof enKeys;

const esKeys: Record<EmailKey, string> = {
  "email.greeting": "Estimado/a {name}:",
  "email.code.subject": "{code} es su código para el cuestionario de {org}",
  "email.code.heading": "Su código de confirmación",
  "email.code.body":
    "Introduzca este código para abrir el cuestionario que {org} envió a {supplier}. Es válido durante 10 minutos.",
  "email.code.ignore":
    "Si no intentó abrir el cuestionario, es posible que otra persona tenga su enlace: puede ignorar este correo, no podrá abrirlo sin este código.",
  "email.newLink.subject": "Su nuevo enlace al cuestionario de {org}",
  "email.newLink.heading": "Aquí tiene su nuevo enlace",
  "email.newLink.body":
    "Ha solicitado un enlace nuevo al cuestionario que {org} envió a {supplier}. El enlace anterior ya no funciona.",
  "email.newLink.button": "Abrir el cuestionario",
  "email.newLink.validUntil": "Este enlace funciona hasta el {date}.",
  "email.receipt.subject": "Acuse de recibo: sus respuestas para {org}",
  "email.receipt.heading": "Gracias: hemos recibido sus respuestas",
  "email.receipt.body":
    "Sus respuestas al cuestionario de {org} se enviaron el {date}, declaradas por {name} ({jobTitle}). {org} las revisará y es posible que se ponga en contacto con usted si tiene preguntas.",
  "email.receipt.footer":
    "Puede consultar sus respuestas y descargar una copia en PDF a través del enlace de su invitación mientras sea válido.",
  "email.returned.subject": "{org} le pide que actualice algunas respuestas",
  "email.returned.heading": "{org} ha devuelto algunas respuestas para que las modifique",
  "email.returned.body":
    "{org} ha revisado sus respuestas y le pide que actualice las siguientes preguntas. El resto de sus respuestas se mantienen tal como las envió.",
  "email.returned.action":
    "Abra el enlace de su invitación para cambiar estas respuestas y volver a enviarlas. Funciona hasta el {date}.",
  "email.footer": "Enviado por Clearsource en nombre de {org}.",
};

const frKeys: Record<EmailKey, string> = {
  "email.greeting": "Bonjour {name},",
  "email.code.subject": "{code} est votre code pour le questionnaire de {org}",
  "email.code.heading": "Votre code de confirmation",
  "email.code.body":
    "Saisissez ce code pour ouvrir le questionnaire que {org} a envoyé à {supplier}. Il est valable 10 minutes.",
  "email.code.ignore":
    "Si vous n’avez pas essayé d’ouvrir le questionnaire, quelqu’un d’autre a peut-être votre lien : vous pouvez ignorer cet e-mail, il ne pourra pas l’ouvrir sans ce code.",
  "email.newLink.subject": "Votre nouveau lien vers le questionnaire de {org}",
  "email.newLink.heading": "Voici votre nouveau lien",
  "email.newLink.body":
    "Vous avez demandé un nouveau lien vers le questionnaire que {org} a envoyé à {supplier}. L’ancien lien ne fonctionne plus.",
  "email.newLink.button": "Ouvrir le questionnaire",
  "email.newLink.validUntil": "Ce lien fonctionne jusqu’au {date}.",
  "email.receipt.subject": "Accusé de réception : vos réponses pour {org}",
  "email.receipt.heading": "Merci : vos réponses ont bien été reçues",
  "email.receipt.body":
    "Vos réponses au questionnaire de {org} ont été envoyées le {date}, déclarées par {name} ({jobTitle}). {org} va les examiner et pourra revenir vers vous avec des questions.",
  "email.receipt.footer":
    "Vous pouvez consulter vos réponses et télécharger une copie PDF grâce au lien de votre invitation tant qu’il est valable.",
  "email.returned.subject": "{org} vous demande de mettre à jour certaines réponses",
  "email.returned.heading": "{org} vous a renvoyé certaines réponses à modifier",
  "email.returned.body":
    "{org} a examiné vos réponses et vous demande de mettre à jour les questions suivantes. Vos autres réponses sont conservées telles qu’envoyées.",
  "email.returned.action":
    "Ouvrez le lien de votre invitation pour modifier ces réponses et les envoyer à nouveau. Il fonctionne jusqu’au {date}.",
  "email.footer": "Envoyé par Clearsource pour le compte de {org}.",
};

const zhHansKeys: Record<EmailKey, string> = {
  "email.greeting": "{name}，您好：",
  "email.code.subject": "{code} 是您填写 {org} 问卷的验证码",
  "email.code.heading": "您的验证码",
  "email.code.body": "请输入此验证码以打开 {org} 发送给 {supplier} 的问卷。验证码 10 分钟内有效。",
  "email.code.ignore":
    "如果您没有尝试打开问卷，可能有他人获得了您的链接：您可以忽略此邮件，没有此验证码对方无法打开问卷。",
  "email.newLink.subject": "您的 {org} 问卷新链接",
  "email.newLink.heading": "这是您的新链接",
  "email.newLink.body": "您申请了 {org} 发送给 {supplier} 的问卷的新链接。旧链接已失效。",
  "email.newLink.button": "打开问卷",
  "email.newLink.validUntil": "此链接有效期至 {date}。",
  "email.receipt.subject": "回执：您为 {org} 提交的答案",
  "email.receipt.heading": "谢谢：我们已收到您的答案",
  "email.receipt.body":
    "您为 {org} 填写的问卷答案已于 {date} 提交，声明人：{name}（{jobTitle}）。{org} 将进行审核，如有疑问可能会与您联系。",
  "email.receipt.footer": "在邀请链接有效期内，您可以通过该链接查看答案并下载 PDF 副本。",
  "email.returned.subject": "{org} 请您更新部分答案",
  "email.returned.heading": "{org} 退回了部分答案要求修改",
  "email.returned.body": "{org} 审核了您的答案，请您更新以下问题。其他答案保持提交时的内容。",
  "email.returned.action": "请打开邀请中的链接修改这些答案并重新提交。链接有效期至 {date}。",
  "email.footer": "由 Clearsource 代表 {org} 发送。",
};

const viKeys: Record<EmailKey, string> = {
  "email.greeting": "Kính gửi {name},",
  "email.code.subject": "{code} là mã của bạn cho bảng câu hỏi của {org}",
  "email.code.heading": "Mã xác nhận của bạn",
  "email.code.body":
    "Nhập mã này để mở bảng câu hỏi mà {org} đã gửi cho {supplier}. Mã có hiệu lực trong 10 phút.",
  "email.code.ignore":
    "Nếu bạn không mở bảng câu hỏi, có thể người khác đang có liên kết của bạn: bạn có thể bỏ qua email này, họ không thể mở nếu không có mã này.",
  "email.newLink.subject": "Liên kết mới tới bảng câu hỏi của {org}",
  "email.newLink.heading": "Đây là liên kết mới của bạn",
  "email.newLink.body":
    "Bạn đã yêu cầu liên kết mới tới bảng câu hỏi mà {org} đã gửi cho {supplier}. Liên kết cũ không còn hoạt động.",
  "email.newLink.button": "Mở bảng câu hỏi",
  "email.newLink.validUntil": "Liên kết này có hiệu lực đến {date}.",
  "email.receipt.subject": "Biên nhận: câu trả lời của bạn cho {org}",
  "email.receipt.heading": "Cảm ơn bạn: chúng tôi đã nhận được câu trả lời",
  "email.receipt.body":
    "Câu trả lời của bạn cho bảng câu hỏi của {org} đã được gửi ngày {date}, do {name} ({jobTitle}) cam kết. {org} sẽ xem xét và có thể liên hệ lại với bạn nếu có thắc mắc.",
  "email.receipt.footer":
    "Bạn có thể xem câu trả lời và tải bản sao PDF qua liên kết trong thư mời khi liên kết còn hiệu lực.",
  "email.returned.subject": "{org} đề nghị bạn cập nhật một số câu trả lời",
  "email.returned.heading": "{org} đã trả lại một số câu trả lời để chỉnh sửa",
  "email.returned.body":
    "{org} đã xem xét câu trả lời của bạn và đề nghị bạn cập nhật các câu hỏi sau. Các câu trả lời khác được giữ nguyên như đã gửi.",
  "email.returned.action":
    "Mở liên kết trong thư mời để thay đổi các câu trả lời này và gửi lại. Liên kết có hiệu lực đến {date}.",
  "email.footer": "Được Clearsource gửi thay mặt {org}.",
};

const idKeys: Record<EmailKey, string> = {
  "email.greeting": "Yth. {name},",
  "email.code.subject": "{code} adalah kode Anda untuk kuesioner {org}",
  "email.code.heading": "Kode konfirmasi Anda",
  "email.code.body":
    "Masukkan kode ini untuk membuka kuesioner yang dikirim {org} kepada {supplier}. Kode berlaku selama 10 menit.",
  "email.code.ignore":
    "Jika Anda tidak mencoba membuka kuesioner, mungkin orang lain memiliki tautan Anda: Anda dapat mengabaikan email ini, mereka tidak dapat membukanya tanpa kode ini.",
  "email.newLink.subject": "Tautan baru Anda ke kuesioner {org}",
  "email.newLink.heading": "Berikut tautan baru Anda",
  "email.newLink.body":
    "Anda meminta tautan baru ke kuesioner yang dikirim {org} kepada {supplier}. Tautan lama sudah tidak berfungsi.",
  "email.newLink.button": "Buka kuesioner",
  "email.newLink.validUntil": "Tautan ini berlaku hingga {date}.",
  "email.receipt.subject": "Tanda terima: jawaban Anda untuk {org}",
  "email.receipt.heading": "Terima kasih: jawaban Anda telah diterima",
  "email.receipt.body":
    "Jawaban Anda atas kuesioner dari {org} dikirim pada {date}, dinyatakan oleh {name} ({jobTitle}). {org} akan meninjaunya dan mungkin menghubungi Anda jika ada pertanyaan.",
  "email.receipt.footer":
    "Anda dapat melihat jawaban dan mengunduh salinan PDF melalui tautan di undangan Anda selama tautan masih berlaku.",
  "email.returned.subject": "{org} meminta Anda memperbarui beberapa jawaban",
  "email.returned.heading": "{org} mengembalikan beberapa jawaban untuk diperbaiki",
  "email.returned.body":
    "{org} telah meninjau jawaban Anda dan meminta Anda memperbarui pertanyaan berikut. Jawaban Anda yang lain tetap seperti yang dikirim.",
  "email.returned.action":
    "Buka tautan di undangan Anda untuk mengubah jawaban ini dan mengirimnya kembali. Tautan berlaku hingga {date}.",
  "email.footer": "Dikirim oleh Clearsource atas nama {org}.",
};

const ptKeys: Record<EmailKey, string> = {
  "email.greeting": "Caro(a) {name},",
  "email.code.subject": "{code} é o seu código para o questionário de {org}",
  "email.code.heading": "O seu código de confirmação",
  "email.code.body":
    "Introduza este código para abrir o questionário que {org} enviou a {supplier}. É válido durante 10 minutos.",
  "email.code.ignore":
    "Se não tentou abrir o questionário, outra pessoa pode ter o seu link: pode ignorar este e-mail, ela não o consegue abrir sem este código.",
  "email.newLink.subject": "O seu novo link para o questionário de {org}",
  "email.newLink.heading": "Aqui está o seu novo link",
  "email.newLink.body":
    "Pediu um novo link para o questionário que {org} enviou a {supplier}. O link anterior já não funciona.",
  "email.newLink.button": "Abrir o questionário",
  "email.newLink.validUntil": "Este link funciona até {date}.",
  "email.receipt.subject": "Recibo: as suas respostas para {org}",
  "email.receipt.heading": "Obrigado: recebemos as suas respostas",
  "email.receipt.body":
    "As suas respostas ao questionário de {org} foram enviadas em {date}, declaradas por {name} ({jobTitle}). {org} irá analisá-las e poderá contactá-lo com perguntas.",
  "email.receipt.footer":
    "Pode consultar as suas respostas e descarregar uma cópia em PDF através do link do convite enquanto for válido.",
  "email.returned.subject": "{org} pede-lhe que atualize algumas respostas",
  "email.returned.heading": "{org} devolveu algumas respostas para alteração",
  "email.returned.body":
    "{org} analisou as suas respostas e pede-lhe que atualize as perguntas seguintes. As restantes respostas mantêm-se como foram enviadas.",
  "email.returned.action":
    "Abra o link do seu convite para alterar estas respostas e enviá-las novamente. Funciona até {date}.",
  "email.footer": "Enviado pela Clearsource em nome de {org}.",
};

const trKeys: Record<EmailKey, string> = {
  "email.greeting": "Sayın {name},",
  "email.code.subject": "{org} anketi için kodunuz: {code}",
  "email.code.heading": "Doğrulama kodunuz",
  "email.code.body":
    "{org} tarafından {supplier} için gönderilen anketi açmak için bu kodu girin. Kod 10 dakika geçerlidir.",
  "email.code.ignore":
    "Anketi açmaya çalışmadıysanız bağlantınız başka birinin elinde olabilir: bu e-postayı yok sayabilirsiniz, bu kod olmadan anketi açamazlar.",
  "email.newLink.subject": "{org} anketine yeni bağlantınız",
  "email.newLink.heading": "Yeni bağlantınız",
  "email.newLink.body":
    "{org} tarafından {supplier} için gönderilen ankete yeni bir bağlantı istediniz. Eski bağlantı artık çalışmıyor.",
  "email.newLink.button": "Anketi aç",
  "email.newLink.validUntil": "Bu bağlantı {date} tarihine kadar çalışır.",
  "email.receipt.subject": "Alındı belgesi: {org} için yanıtlarınız",
  "email.receipt.heading": "Teşekkürler: yanıtlarınız alındı",
  "email.receipt.body":
    "{org} anketine verdiğiniz yanıtlar {date} tarihinde gönderildi; beyan eden: {name} ({jobTitle}). {org} yanıtları inceleyecek ve sorusu olursa sizinle iletişime geçebilir.",
  "email.receipt.footer":
    "Davetinizdeki bağlantı geçerli olduğu sürece yanıtlarınızı görüntüleyebilir ve PDF kopyasını indirebilirsiniz.",
  "email.returned.subject": "{org} bazı yanıtlarınızı güncellemenizi istiyor",
  "email.returned.heading": "{org} bazı yanıtları düzeltme için iade etti",
  "email.returned.body":
    "{org} yanıtlarınızı inceledi ve aşağıdaki soruları güncellemenizi istiyor. Diğer yanıtlarınız gönderildiği gibi korunur.",
  "email.returned.action":
    "Bu yanıtları değiştirip yeniden göndermek için davetinizdeki bağlantıyı açın. Bağlantı {date} tarihine kadar çalışır.",
  "email.footer": "Clearsource tarafından {org} adına gönderildi.",
};
export const EMAIL_KEYS: Record<LanguageCode, Record<EmailKey, string>> = {
  en: enKeys,
  es: esKeys,
  fr: frKeys,
  "zh-Hans": zhHansKeys,
  vi: viKeys,
  id: idKeys,
  pt: ptKeys,
  tr: trKeys,
};

export const emailT = translator(EMAIL_KEYS);

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
    /** questionCount: the questions every supplier sees (follow-ups are `conditional`). */
    body: (org: string, supplier: string, questionCount: number) => string;
    /** The follow-up questions that only some answers bring up. */
    conditional: (count: number) => string;
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
    conditional: (m) => `Up to ${m} more questions appear only after certain answers.`,
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
    conditional: (m) => `Hasta ${m} preguntas más aparecen solo después de ciertas respuestas.`,
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
    conditional: (m) => `Jusqu’à ${m} questions supplémentaires n’apparaissent qu’après certaines réponses.`,
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
    conditional: (m) => `另有最多${m}个问题仅在特定回答之后出现。`,
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
    conditional: (m) => `Tối đa ${m} câu hỏi khác chỉ xuất hiện sau một số câu trả lời nhất định.`,
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
    conditional: (m) => `Hingga ${m} pertanyaan lain hanya muncul setelah jawaban tertentu.`,
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
    conditional: (m) => `Até ${m} perguntas adicionais só aparecem depois de certas respostas.`,
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
    conditional: (m) => `Belirli yanıtlardan sonra en fazla ${m} soru daha görünür.`,
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
  return formatDate(d, isSupportedLanguage(language) ? language : DEFAULT_LANGUAGE, "long");
}
