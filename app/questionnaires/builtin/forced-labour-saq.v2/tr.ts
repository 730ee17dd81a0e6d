import type { TemplateTranslation } from "../../model";

/** Turkish (formal "siz"). */
export const TR: TemplateTranslation = {
  title: "Zorla çalıştırma öz değerlendirmesi",
  intro:
    "Bu öz değerlendirme, tesisinizdeki işçilerin nasıl işe alındığını, çalıştırıldığını, ücretlerinin nasıl " +
    "ödendiğini ve nasıl barındırıldığını sorar. ILO'nun on bir zorla çalıştırma göstergesini kapsar. Lütfen " +
    "ürünlerimizi üreten tesis için yanıt verin. Bir konu henüz uygulanmıyorsa bunu belirtin: dürüst yanıtlar " +
    "birlikte iyileştirme yapmamızı sağlar. Yanıtlarınız siz ilerledikçe kaydedilir.",
  attestation:
    "Yukarıdaki yanıtların bildiğim kadarıyla doğru ve eksiksiz olduğunu ve bunları tedarikçi adına vermeye yetkili " +
    "olduğumu onaylarım.",
  sections: {
    profile: { title: "Şirket ve tesis profili" },
    workforce: { title: "İşgücünün kırılganlığı" },
    policies: { title: "Politikalar" },
    recruitment: { title: "İşe alım ve ücretler" },
    contracts: { title: "Sözleşmeler" },
    documents: { title: "Kimlik belgeleri" },
    movement: { title: "Hareket özgürlüğü" },
    wages: { title: "Ücretler" },
    hours: { title: "Çalışma saatleri" },
    grievance: { title: "Şikâyet ve işçilerin sesi" },
    "sub-suppliers": { title: "Alt tedarikçiler" },
    audits: { title: "Denetimler ve sertifikalar" },
    incidents: { title: "Olaylar ve iyileştirme" },
    declaration: { title: "Beyan" },
  },
  questions: {
    P1: {
      text: "Tesiste, ajans ve mevsimlik işçiler dahil kaç kişi çalışıyor?",
      help: "Son bir ayda tesiste çalışmış herkesi sayın.",
      unit: "işçi",
    },
    P2: { text: "Tesis bizim için hangi ürünleri üretiyor veya hangi hizmetleri sağlıyor?" },
    P3: {
      text: "Tesis ne tür bir işyeri?",
      options: {
        factory: "Fabrika veya atölye",
        farm: "Çiftlik veya plantasyon",
        fishing: "Balıkçı teknesi veya su ürünleri işleme",
        mine: "Maden veya taş ocağı",
        construction: "İnşaat sahası",
        warehouse: "Depo veya lojistik",
        other: "Diğer",
      },
    },
    P4: {
      text: "Tesiste hangi istihdam biçimleri kullanılıyor?",
      help: "Uygun olanların tümünü seçin.",
      options: {
        permanent: "Belirsiz süreli",
        "fixed-term": "Belirli süreli",
        seasonal: "Mevsimlik",
        agency: "Ajans veya işgücü sağlayıcısı aracılığıyla",
        day: "Gündelik veya parça başı",
        trainees: "Çırak veya stajyer",
        homeworkers: "Evde çalışanlar",
      },
    },
    W1: { text: "İşçilerin yüzde kaçı ülkenizin başka bir bölgesinden geliyor?" },
    W2: { text: "İşçilerin yüzde kaçı başka bir ülkeden geliyor?" },
    W3: { text: "İşçilerin yüzde kaçı bir ajans veya işgücü sağlayıcısı aracılığıyla çalıştırılıyor?" },
    W4: { text: "Sizin ya da bir işgücü sağlayıcısının sağladığı konaklama yerinde yaşayan işçi var mı?" },
    W5: {
      text: "Konaklama yeri alan, hijyen, güvenlik ve mahremiyet konusundaki yasal standartları karşılıyor mu?",
    },
    W6: { text: "İşçiler ücret veya işlerini kaybetmeden başka bir yerde yaşamayı seçebilir mi?" },
    PO1: {
      text: "Zorla çalıştırmayı, borç esaretini, mahkûm emeğini ve insan ticareti yoluyla çalıştırmayı yasaklayan yazılı bir politikanız var mı?",
      evidenceRequest: "Politikayı yükleyin.",
    },
    PO2: {
      text: "Politika, işe alım aracılarınız, işgücü sağlayıcılarınız ve alt tedarikçileriniz için de geçerli mi?",
    },
    PO3: {
      text: "İşçilerin işe alımları için asla ödeme yapmayacağını (\u201cişveren öder\u201d ilkesi) yazılı olarak taahhüt ettiniz mi?",
      evidenceRequest: "İşe alım ücretleri politikanızı yükleyin.",
    },
    PO4: {
      text: "Fiziksel cezayı, tehditleri ve para cezalarını yasaklayan yazılı bir disiplin prosedürünüz var mı?",
      evidenceRequest: "Disiplin prosedürünü yükleyin.",
    },
    R1: {
      text: "İşçi bulmak veya çalıştırmak için işe alım aracıları, ajanslar veya işgücü sağlayıcıları kullanıyor musunuz?",
    },
    R2: {
      text: "Bunların tümü lisanslı mı ve sizinle yazılı bir sözleşmesi var mı?",
      evidenceRequest: "İşe alım aracılarınızdan biriyle yaptığınız bir sözleşmeyi yükleyin.",
    },
    R3: {
      text: "Herhangi bir işçi, işini almak için size veya başka birine ücret, depozito ya da masraf ödedi mi?",
      help: "İşçiden alınan yol, vize, sağlık muayenesi ve eğitim masraflarını da dahil edin.",
    },
    R4: { text: "Bir işçinin ödediği en yüksek tutar ABD doları olarak ne kadar?", unit: "USD" },
    R5: {
      text: "Bu ücretler ve masraflar işçilere tamamen geri ödendi mi?",
      evidenceRequest: "Geri ödeme belgesini yükleyin.",
    },
    R6: { text: "Siz veya bir işgücü sağlayıcısı işçilere borç para ya da ücret avansı veriyor musunuz?" },
    R7: { text: "Bir işçi, borcu veya avansı geri ödenmeden önce cezasız olarak işten ayrılabilir mi?" },
    C1: {
      text: "Her işçi, işe başlamadan önce anladığı bir dilde yazılı bir sözleşme alıyor mu?",
      evidenceRequest: "Kişisel bilgileri çıkarılmış örnek bir sözleşme yükleyin.",
    },
    C2: {
      text: "Yurt dışından işe alınan işçiler sözleşmelerini ülkelerinden ayrılmadan önce imzalıyor mu ve vardıklarında koşullar aynı kalıyor mu?",
    },
    C3: { text: "Sözleşmede ücret, çalışma saatleri, kesintiler ve ihbar süresi belirtiliyor mu?" },
    I1: {
      text: "Tesis veya onun adına hareket eden biri, herhangi bir işçinin asıl pasaportunu veya kimlik belgesini elinde tutuyor mu?",
      help: "İşçiler kabul etmiş olsa veya saklamak amacıyla olsa bile Evet yanıtını verin.",
    },
    I2: { text: "İşçilerin belgeleri için yalnızca kendilerinin kontrol ettiği kilitli dolapları var mı?" },
    I3: {
      text: "İşe alım aracılarınızdan veya işgücü sağlayıcılarınızdan herhangi biri işçilerin kimlik belgelerini elinde tutuyor mu?",
    },
    F1: {
      text: "İşçiler çalışma saatleri dışında işyerinden ve konaklama yerinden serbestçe ayrılabilir mi?",
    },
    F2: {
      text: "İşçiler makul bir ihbar süresiyle, para cezası ödemeden ve alacaklı oldukları ücreti kaybetmeden istifa edebilir mi?",
    },
    F3: { text: "Bir işçi istifa etmek için kaç gün önceden haber vermelidir?", unit: "gün" },
    F4: {
      text: "Konaklama yeri geceleri kilitleniyor mu veya işçilerin reddedemeyeceği bir sokağa çıkma saati var mı?",
    },
    F5: {
      text: "İşçiler kendi telefonlarını yanlarında tutabilir ve ailelerine ve arkadaşlarına serbestçe ulaşabilir mi?",
    },
    WG1: {
      text: "Herhangi bir ücret işe alım masrafları, depozitolar veya para cezaları nedeniyle tutuluyor, geciktiriliyor ya da kesiliyor mu?",
      help: "Yasal olarak zorunlu vergi ve sosyal güvenlik kesintileri sayılmaz.",
    },
    WG2: { text: "Tüm işçilere normal çalışma saatleri için en az yasal asgari ücret ödeniyor mu?" },
    WG3: {
      text: "İşçilere ne sıklıkla ödeme yapılıyor?",
      options: {
        weekly: "Haftalık",
        fortnightly: "İki haftada bir",
        monthly: "Aylık",
        "less-often": "Ayda bir kereden daha seyrek",
      },
    },
    WG4: {
      text: "Ücretler işe alım aracısına, ustabaşına veya bir yakına değil, doğrudan her işçiye mi ödeniyor?",
    },
    WG5: {
      text: "Her işçi her ödeme gününde anladığı bir dilde ücret bordrosu alıyor mu?",
      evidenceRequest: "Kişisel bilgileri çıkarılmış örnek bir bordro yükleyin.",
    },
    WG6: { text: "Konaklama, yemek, ulaşım, alet veya iş kıyafeti gibi masraflar ücretlerden kesiliyor mu?" },
    WG7: { text: "Bu masraflar için bir işçinin aylık ücretinden kesilen en büyük pay nedir?" },
    H1: {
      text: "En yoğun ayda, fazla mesai dahil işçi başına ortalama haftalık çalışma süresi nedir?",
      help: "ILO standartları: 48 saat normal çalışma, fazla mesai dahil toplam 60 saat.",
      unit: "saat/hafta",
    },
    H2: {
      text: "Son 12 ayda herhangi bir işçinin tek bir haftada çalıştığı en fazla saat ne kadardı?",
      unit: "saat",
    },
    H3: {
      text: "İşçiler fazla mesaiyi cezasız olarak reddedebilir mi ve fazla mesai zamlı ücretle ödeniyor mu?",
    },
    H4: { text: "Her işçiye her yedi günde en az bir gün izin veriliyor mu?" },
    G1: {
      text: "İşçiler misilleme korkusu olmadan, kendi dillerinde ve isimsiz olarak şikâyette bulunabilir mi?",
      evidenceRequest:
        "İşçilerin bu kanal hakkında nasıl bilgilendirildiğini gösteren bir açıklama veya fotoğraf yükleyin.",
    },
    G2: {
      text: "Son 12 ayda kaç şikâyette bulunuldu?",
      help: "Sıfır, işçilerin kanala güvenmediğinin bir işareti olabilir.",
      unit: "şikâyet",
    },
    G3: {
      text: "Son 12 ayda biri, işçileri çalışmaya veya kalmaya zorlamak için işten çıkarma, şiddet ya da yetkililere ihbar etmekle tehdit etti mi?",
    },
    G4: {
      text: "Herhangi bir işçi ceza olarak dövüldü, cinsel tacize uğradı veya yemek, su ya da tuvalet molasından mahrum bırakıldı mı?",
    },
    G5: {
      text: "İşçiler bir sendika veya serbestçe seçilmiş bir işçi temsilciliği tarafından temsil ediliyor mu?",
    },
    S1: {
      text: "Sözleşmeleriniz kendi tedarikçilerinizin ve işgücü sağlayıcılarınızın bu standartlara uymasını şart koşuyor mu?",
      evidenceRequest: "Tedarikçi davranış kurallarınızı veya ilgili sözleşme maddesini yükleyin.",
    },
    S2: {
      text: "Malzemelerinizden herhangi biri aşağıdaki kaynaklardan mı geliyor?",
      help: "Uygun olanların tümünü seçin.",
      options: {
        xinjiang: "Çin'in Sincan Uygur Özerk Bölgesi",
        ilab: "ABD ILAB zorla çalıştırma listesindeki bir ürün ve ülke",
        seafood: "Uzak su balıkçı filolarından su ürünleri",
        none: "Bunların hiçbiri",
        unknown: "Bilmiyoruz",
      },
    },
    S3: {
      text: "Ana tedarikçilerinizi anket veya denetimlerle zorla çalıştırma açısından kontrol ediyor musunuz?",
    },
    A1: {
      text: "Tesisin en son sosyal denetiminde hangi program kullanıldı?",
      options: {
        smeta: "SMETA",
        "amfori-bsci": "amfori BSCI",
        rba: "RBA",
        sa8000: "SA8000",
        other: "Başka bir program",
        none: "Son 3 yılda sosyal denetim yapılmadı",
      },
    },
    A2: { text: "Denetim hangi tarihte yapıldı?" },
    A3: { text: "O denetimden kaç uygunsuzluk hâlâ açık?", unit: "açık uygunsuzluk" },
    A4: { text: "Denetim raporunu yükleyin." },
    X1: {
      text: "Son 24 ayda faaliyetlerinizde veya tedarik zincirinizde zorla çalıştırma ya da çocuk işçiliği tespit edildi mi?",
    },
    X2: { text: "Ne tespit edildi ve bu konuda ne yaptınız?" },
    X3: {
      text: "Etkilenen işçiler ücretlerin iadesi, belgelerin geri verilmesi veya ücretlerin ödenmesi gibi bir telafi aldı mı?",
      evidenceRequest: "Geri ödeme kayıtları gibi telafiye ilişkin kanıt yükleyin.",
    },
    D1: { text: "Bu yanıtları kim hazırladı?" },
    D2: { text: "Bu kişinin unvanı nedir?" },
  },
};
