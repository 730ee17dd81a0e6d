import { translate, type Messages, type Translate } from "~/i18n/translate";
import type { IntakeLanguage } from "./languages";

/**
 * The sentences of a site poster, in the fifteen intake languages: how to report, that it is anonymous,
 * and what the receipt code is for. Kept apart from the report page's table so the page does not carry
 * them. The title and the workplace line come from the page's own strings (`page.title`, `page.site`),
 * so the poster and the page it points to say the same thing. Short, plain sentences, as on the page.
 */
const en = {
  how: "Scan the code with your phone camera, or type this address into your phone:",
  anonymous:
    "You do not have to give your name. We do not record who you are, your phone or the time you write.",
  receipt:
    "When you send your report you get a receipt code. Write it down and keep it safe: with it you can read our answer and add information.",
  anyLanguage: "You can write in your own language.",
} as const;

export type PosterKey = keyof typeof en;

const TABLE: Record<IntakeLanguage, Messages<PosterKey>> = {
  en,
  es: {
    how: "Escanee el código con la cámara de su teléfono o escriba esta dirección en su teléfono:",
    anonymous:
      "No tiene que dar su nombre. No registramos quién es usted, su teléfono ni la hora en que escribe.",
    receipt:
      "Al enviar su denuncia recibe un código de recibo. Anótelo y guárdelo bien: con él puede leer nuestra respuesta y añadir información.",
    anyLanguage: "Puede escribir en su propio idioma.",
  },
  fr: {
    how: "Scannez le code avec l'appareil photo de votre téléphone, ou tapez cette adresse dans votre téléphone :",
    anonymous:
      "Vous n'avez pas à donner votre nom. Nous n'enregistrons ni qui vous êtes, ni votre téléphone, ni l'heure à laquelle vous écrivez.",
    receipt:
      "Quand vous envoyez votre signalement, vous recevez un code de reçu. Notez-le et gardez-le bien : avec lui, vous pouvez lire notre réponse et ajouter des informations.",
    anyLanguage: "Vous pouvez écrire dans votre propre langue.",
  },
  "zh-Hans": {
    how: "用手机相机扫描二维码，或在手机上输入这个网址：",
    anonymous: "您不需要留下姓名。我们不记录您是谁、您的手机或您写信的时间。",
    receipt: "提交报告后，您会得到一个回执码。请把它写下来并妥善保管：凭它可以查看我们的答复并补充信息。",
    anyLanguage: "您可以用自己的语言书写。",
  },
  vi: {
    how: "Quét mã bằng máy ảnh điện thoại, hoặc gõ địa chỉ này vào điện thoại:",
    anonymous:
      "Bạn không cần cho biết tên. Chúng tôi không ghi lại bạn là ai, điện thoại của bạn hay thời gian bạn viết.",
    receipt:
      "Khi gửi báo cáo, bạn sẽ nhận được một mã biên nhận. Hãy ghi lại và giữ cẩn thận: với mã này bạn có thể đọc câu trả lời của chúng tôi và bổ sung thông tin.",
    anyLanguage: "Bạn có thể viết bằng ngôn ngữ của mình.",
  },
  id: {
    how: "Pindai kode dengan kamera ponsel Anda, atau ketik alamat ini di ponsel Anda:",
    anonymous:
      "Anda tidak perlu menyebutkan nama. Kami tidak mencatat siapa Anda, ponsel Anda, atau jam Anda menulis.",
    receipt:
      "Saat mengirim laporan, Anda mendapat kode tanda terima. Catat dan simpan baik-baik: dengan kode itu Anda dapat membaca jawaban kami dan menambah informasi.",
    anyLanguage: "Anda boleh menulis dalam bahasa Anda sendiri.",
  },
  pt: {
    how: "Leia o código com a câmera do seu telefone ou digite este endereço no seu telefone:",
    anonymous:
      "Você não precisa dar o seu nome. Não registramos quem você é, o seu telefone nem a hora em que escreve.",
    receipt:
      "Ao enviar a denúncia, você recebe um código de recibo. Anote-o e guarde-o bem: com ele você pode ler a nossa resposta e acrescentar informações.",
    anyLanguage: "Você pode escrever no seu próprio idioma.",
  },
  tr: {
    how: "Kodu telefonunuzun kamerasıyla okutun veya bu adresi telefonunuza yazın:",
    anonymous:
      "Adınızı vermek zorunda değilsiniz. Kim olduğunuzu, telefonunuzu veya yazdığınız saati kaydetmiyoruz.",
    receipt:
      "Bildiriminizi gönderdiğinizde bir makbuz kodu alırsınız. Onu yazın ve iyi saklayın: bu kodla cevabımızı okuyabilir ve bilgi ekleyebilirsiniz.",
    anyLanguage: "Kendi dilinizde yazabilirsiniz.",
  },
  bn: {
    how: "আপনার ফোনের ক্যামেরা দিয়ে কোডটি স্ক্যান করুন, অথবা ফোনে এই ঠিকানাটি লিখুন:",
    anonymous: "আপনার নাম দিতে হবে না। আপনি কে, আপনার ফোন বা আপনি কখন লিখছেন, আমরা তা রেকর্ড করি না।",
    receipt:
      "অভিযোগ পাঠালে আপনি একটি রসিদ কোড পাবেন। এটি লিখে নিরাপদে রাখুন: এটি দিয়ে আপনি আমাদের উত্তর পড়তে এবং আরও তথ্য যোগ করতে পারবেন।",
    anyLanguage: "আপনি নিজের ভাষায় লিখতে পারেন।",
  },
  hi: {
    how: "अपने फ़ोन के कैमरे से कोड स्कैन करें, या यह पता अपने फ़ोन में लिखें:",
    anonymous: "आपको अपना नाम देने की ज़रूरत नहीं है। आप कौन हैं, आपका फ़ोन या आप कब लिखते हैं, हम यह दर्ज नहीं करते।",
    receipt:
      "शिकायत भेजने पर आपको एक रसीद कोड मिलेगा। इसे लिखकर संभालकर रखें: इससे आप हमारा जवाब पढ़ सकते हैं और और जानकारी जोड़ सकते हैं।",
    anyLanguage: "आप अपनी भाषा में लिख सकते हैं।",
  },
  ne: {
    how: "आफ्नो फोनको क्यामेराले कोड स्क्यान गर्नुहोस्, वा यो ठेगाना फोनमा लेख्नुहोस्:",
    anonymous: "तपाईंले आफ्नो नाम दिनु पर्दैन। तपाईं को हो, तपाईंको फोन वा तपाईंले लेखेको समय हामी राख्दैनौं।",
    receipt:
      "उजुरी पठाएपछि तपाईंले एउटा रसिद कोड पाउनुहुन्छ। यसलाई लेखेर सुरक्षित राख्नुहोस्: यसबाट तपाईं हाम्रो जवाफ पढ्न र थप जानकारी दिन सक्नुहुन्छ।",
    anyLanguage: "तपाईं आफ्नै भाषामा लेख्न सक्नुहुन्छ।",
  },
  my: {
    how: "ဖုန်းကင်မရာဖြင့် ကုဒ်ကို စကင်န်ဖတ်ပါ၊ သို့မဟုတ် ဤလိပ်စာကို ဖုန်းတွင် ရိုက်ထည့်ပါ။",
    anonymous: "သင့်အမည် ပေးရန် မလိုပါ။ သင်မည်သူဖြစ်သည်၊ သင့်ဖုန်း သို့မဟုတ် သင်ရေးသည့်အချိန်ကို ကျွန်ုပ်တို့ မှတ်တမ်းမတင်ပါ။",
    receipt:
      "တိုင်ကြားစာ ပို့ပြီးသည့်အခါ ပြေစာကုဒ်တစ်ခု ရရှိမည်။ ၎င်းကို ရေးမှတ်ပြီး သေချာသိမ်းထားပါ။ ၎င်းဖြင့် ကျွန်ုပ်တို့၏ အဖြေကို ဖတ်နိုင်ပြီး အချက်အလက် ထပ်ထည့်နိုင်သည်။",
    anyLanguage: "သင့်ဘာသာစကားဖြင့် ရေးနိုင်သည်။",
  },
  km: {
    how: "ស្កេនកូដដោយកាមេរ៉ាទូរស័ព្ទរបស់អ្នក ឬវាយអាសយដ្ឋាននេះក្នុងទូរស័ព្ទរបស់អ្នក៖",
    anonymous: "អ្នកមិនចាំបាច់ប្រាប់ឈ្មោះទេ។ យើងមិនកត់ត្រាថាអ្នកជានរណា ទូរស័ព្ទរបស់អ្នក ឬពេលវេលាដែលអ្នកសរសេរទេ។",
    receipt:
      "ពេលអ្នកផ្ញើរបាយការណ៍ អ្នកនឹងទទួលបានលេខកូដបង្កាន់ដៃ។ សូមសរសេរទុក ហើយរក្សាទុកឱ្យបានល្អ៖ ជាមួយលេខកូដនេះ អ្នកអាចអានចម្លើយរបស់យើង និងបន្ថែមព័ត៌មាន។",
    anyLanguage: "អ្នកអាចសរសេរជាភាសារបស់អ្នក។",
  },
  th: {
    how: "สแกนรหัสด้วยกล้องโทรศัพท์ของคุณ หรือพิมพ์ที่อยู่นี้ในโทรศัพท์ของคุณ:",
    anonymous: "คุณไม่ต้องบอกชื่อ เราไม่บันทึกว่าคุณเป็นใคร โทรศัพท์ของคุณ หรือเวลาที่คุณเขียน",
    receipt: "เมื่อส่งเรื่องแล้ว คุณจะได้รับรหัสใบรับ จดไว้และเก็บให้ดี ด้วยรหัสนี้คุณสามารถอ่านคำตอบของเราและเพิ่มข้อมูลได้",
    anyLanguage: "คุณเขียนเป็นภาษาของคุณเองได้",
  },
  ar: {
    how: "امسح الرمز بكاميرا هاتفك، أو اكتب هذا العنوان في هاتفك:",
    anonymous: "لا يلزمك ذكر اسمك. نحن لا نسجّل من أنت ولا هاتفك ولا وقت كتابتك.",
    receipt: "عندما ترسل بلاغك تحصل على رمز إيصال. اكتبه واحفظه جيدًا: به يمكنك قراءة ردّنا وإضافة معلومات.",
    anyLanguage: "يمكنك الكتابة بلغتك.",
  },
};

export function posterTranslator(lang: IntakeLanguage): Translate<PosterKey> {
  return translate(TABLE[lang], en);
}

export const POSTER_MESSAGES = TABLE;
