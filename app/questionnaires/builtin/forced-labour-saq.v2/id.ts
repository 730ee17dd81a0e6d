import type { TemplateTranslation } from "../../model";

/** Bahasa Indonesia ("Anda"). */
export const ID: TemplateTranslation = {
  title: "Penilaian mandiri kerja paksa",
  intro:
    "Penilaian mandiri ini menanyakan bagaimana pekerja di lokasi Anda direkrut, dipekerjakan, dibayar, dan diberi " +
    "tempat tinggal. Penilaian ini mencakup sebelas indikator kerja paksa dari ILO. Jawablah untuk lokasi yang " +
    "memproduksi barang kami. Jika suatu hal belum diterapkan, sampaikan dengan jujur: jawaban yang jujur " +
    "memungkinkan kita melakukan perbaikan bersama. Jawaban Anda tersimpan secara otomatis.",
  attestation:
    "Saya menyatakan bahwa jawaban di atas benar dan lengkap sejauh pengetahuan saya, dan bahwa saya berwenang " +
    "memberikannya atas nama pemasok.",
  sections: {
    profile: { title: "Profil perusahaan dan lokasi" },
    workforce: { title: "Kerentanan tenaga kerja" },
    policies: { title: "Kebijakan" },
    recruitment: { title: "Rekrutmen dan biaya" },
    contracts: { title: "Kontrak kerja" },
    documents: { title: "Dokumen identitas" },
    movement: { title: "Kebebasan bergerak" },
    wages: { title: "Upah" },
    hours: { title: "Jam kerja" },
    grievance: { title: "Pengaduan dan suara pekerja" },
    "sub-suppliers": { title: "Subpemasok" },
    audits: { title: "Audit dan sertifikasi" },
    incidents: { title: "Insiden dan pemulihan" },
    declaration: { title: "Pernyataan" },
  },
  questions: {
    P1: {
      text: "Berapa banyak orang yang bekerja di lokasi ini, termasuk pekerja alih daya dan pekerja musiman?",
      help: "Hitung semua orang yang bekerja di lokasi ini dalam satu bulan terakhir.",
      unit: "pekerja",
    },
    P2: { text: "Produk atau jasa apa yang dibuat atau disediakan lokasi ini untuk kami?" },
    P3: {
      text: "Jenis lokasi apakah ini?",
      options: {
        factory: "Pabrik atau bengkel kerja",
        farm: "Pertanian atau perkebunan",
        fishing: "Kapal penangkap ikan atau pengolahan hasil laut",
        mine: "Tambang atau penggalian",
        construction: "Lokasi konstruksi",
        warehouse: "Gudang atau logistik",
        other: "Lainnya",
      },
    },
    P4: {
      text: "Jenis hubungan kerja apa saja yang digunakan di lokasi ini?",
      help: "Pilih semua yang sesuai.",
      options: {
        permanent: "Pekerja tetap",
        "fixed-term": "Kontrak waktu tertentu",
        seasonal: "Pekerja musiman",
        agency: "Melalui agen atau penyedia tenaga kerja",
        day: "Pekerja harian atau borongan",
        trainees: "Pemagang atau peserta pelatihan",
        homeworkers: "Pekerja rumahan",
      },
    },
    W1: { text: "Berapa persen pekerja yang berasal dari daerah lain di negara Anda?" },
    W2: { text: "Berapa persen pekerja yang berasal dari negara lain?" },
    W3: { text: "Berapa persen pekerja yang dipekerjakan melalui agen atau penyedia tenaga kerja?" },
    W4: {
      text: "Apakah ada pekerja yang tinggal di tempat tinggal yang disediakan oleh Anda atau oleh penyedia tenaga kerja?",
    },
    W5: {
      text: "Apakah tempat tinggal tersebut memenuhi standar hukum mengenai luas ruang, sanitasi, keselamatan, dan privasi?",
    },
    W6: { text: "Dapatkah pekerja memilih tinggal di tempat lain tanpa kehilangan upah atau pekerjaan?" },
    PO1: {
      text: "Apakah Anda memiliki kebijakan tertulis yang melarang kerja paksa, kerja ijon (jeratan utang), kerja narapidana, dan kerja korban perdagangan orang?",
      evidenceRequest: "Unggah kebijakan tersebut.",
    },
    PO2: {
      text: "Apakah kebijakan tersebut juga berlaku bagi perekrut, penyedia tenaga kerja, dan subpemasok Anda?",
    },
    PO3: {
      text: "Apakah Anda telah berkomitmen secara tertulis bahwa pekerja tidak pernah membayar biaya perekrutan mereka (prinsip “pemberi kerja yang membayar”)?",
      evidenceRequest: "Unggah kebijakan Anda tentang biaya perekrutan.",
    },
    PO4: {
      text: "Apakah Anda memiliki prosedur disiplin tertulis yang melarang hukuman fisik, ancaman, dan denda?",
      evidenceRequest: "Unggah prosedur disiplin tersebut.",
    },
    R1: {
      text: "Apakah Anda menggunakan perekrut, agen, atau penyedia tenaga kerja untuk mencari atau mempekerjakan pekerja?",
    },
    R2: {
      text: "Apakah semuanya memiliki izin resmi dan terikat kontrak tertulis dengan Anda?",
      evidenceRequest: "Unggah kontrak dengan salah satu perekrut Anda.",
    },
    R3: {
      text: "Apakah ada pekerja yang membayar biaya, uang jaminan, atau ongkos untuk mendapatkan pekerjaannya, kepada Anda atau kepada pihak lain?",
      help: "Termasuk biaya perjalanan, visa, pemeriksaan kesehatan, dan pelatihan yang dibebankan kepada pekerja.",
    },
    R4: { text: "Berapa jumlah tertinggi yang dibayar seorang pekerja, dalam dolar AS?", unit: "USD" },
    R5: {
      text: "Apakah biaya dan ongkos tersebut telah dikembalikan sepenuhnya kepada pekerja?",
      evidenceRequest: "Unggah bukti pengembalian dana.",
    },
    R6: {
      text: "Apakah Anda atau penyedia tenaga kerja meminjamkan uang atau memberikan kasbon kepada pekerja?",
    },
    R7: { text: "Dapatkah pekerja berhenti bekerja sebelum pinjaman atau kasbon dilunasi, tanpa sanksi?" },
    C1: {
      text: "Apakah setiap pekerja menerima kontrak tertulis, dalam bahasa yang dipahaminya, sebelum mulai bekerja?",
      evidenceRequest: "Unggah contoh kontrak yang data pribadinya telah dihapus.",
    },
    C2: {
      text: "Apakah pekerja yang direkrut dari luar negeri menandatangani kontrak sebelum meninggalkan negara asal, dengan syarat yang sama saat tiba?",
    },
    C3: { text: "Apakah kontrak mencantumkan upah, jam kerja, potongan, dan masa pemberitahuan?" },
    I1: {
      text: "Apakah lokasi ini, atau siapa pun yang bertindak atas namanya, menyimpan paspor atau dokumen identitas asli milik pekerja?",
      help: "Jawab Ya meskipun pekerja menyetujuinya atau dokumen itu disimpan untuk diamankan.",
    },
    I2: {
      text: "Apakah pekerja memiliki tempat penyimpanan terkunci untuk dokumen mereka yang hanya mereka sendiri yang memegang kuncinya?",
    },
    I3: {
      text: "Apakah ada perekrut atau penyedia tenaga kerja Anda yang menyimpan dokumen identitas pekerja?",
    },
    F1: {
      text: "Dapatkah pekerja meninggalkan tempat kerja dan tempat tinggal mereka dengan bebas di luar jam kerja?",
    },
    F2: {
      text: "Dapatkah pekerja mengundurkan diri dengan pemberitahuan yang wajar, tanpa denda atau kehilangan upah yang menjadi haknya?",
    },
    F3: {
      text: "Berapa hari sebelumnya pekerja harus memberi tahu jika ingin mengundurkan diri?",
      unit: "hari",
    },
    F4: {
      text: "Apakah tempat tinggal dikunci pada malam hari, atau ada jam malam yang tidak dapat ditolak pekerja?",
    },
    F5: {
      text: "Dapatkah pekerja menyimpan ponsel sendiri dan menghubungi keluarga serta teman dengan bebas?",
    },
    WG1: {
      text: "Apakah ada upah yang ditahan, ditunda, atau dipotong untuk biaya perekrutan, uang jaminan, atau denda?",
      help: "Pajak dan jaminan sosial yang diwajibkan undang-undang tidak termasuk.",
    },
    WG2: {
      text: "Apakah semua pekerja dibayar setidaknya sebesar upah minimum yang berlaku untuk jam kerja normal?",
    },
    WG3: {
      text: "Seberapa sering pekerja menerima upah?",
      options: {
        weekly: "Setiap minggu",
        fortnightly: "Setiap dua minggu",
        monthly: "Setiap bulan",
        "less-often": "Lebih jarang dari sebulan sekali",
      },
    },
    WG4: {
      text: "Apakah upah dibayarkan langsung kepada setiap pekerja, bukan kepada perekrut, atasan, atau kerabat?",
    },
    WG5: {
      text: "Apakah setiap pekerja menerima slip gaji, dalam bahasa yang dipahaminya, pada setiap hari gajian?",
      evidenceRequest: "Unggah contoh slip gaji yang data pribadinya telah dihapus.",
    },
    WG6: {
      text: "Apakah biaya seperti tempat tinggal, makan, transportasi, peralatan, atau seragam dipotong dari upah?",
    },
    WG7: { text: "Berapa bagian terbesar dari upah bulanan pekerja yang dipotong untuk biaya tersebut?" },
    H1: {
      text: "Berapa rata-rata jam kerja mingguan per pekerja, termasuk lembur, pada bulan tersibuk?",
      help: "Standar ILO: 48 jam kerja normal, total 60 jam termasuk lembur.",
      unit: "jam per minggu",
    },
    H2: {
      text: "Berapa jam terbanyak yang pernah dikerjakan seorang pekerja dalam satu minggu selama 12 bulan terakhir?",
      unit: "jam",
    },
    H3: {
      text: "Dapatkah pekerja menolak lembur tanpa sanksi, dan apakah lembur dibayar dengan tarif lebih tinggi?",
    },
    H4: { text: "Apakah setiap pekerja mendapat setidaknya satu hari libur dalam setiap tujuh hari?" },
    G1: {
      text: "Dapatkah pekerja menyampaikan pengaduan secara anonim, dalam bahasa mereka sendiri, tanpa takut akan pembalasan?",
      evidenceRequest: "Unggah penjelasan atau foto tentang cara pekerja diberi tahu mengenai saluran ini.",
    },
    G2: {
      text: "Berapa banyak pengaduan yang disampaikan dalam 12 bulan terakhir?",
      help: "Angka nol bisa menjadi tanda bahwa pekerja tidak memercayai saluran tersebut.",
      unit: "pengaduan",
    },
    G3: {
      text: "Dalam 12 bulan terakhir, apakah ada yang mengancam pekerja dengan pemecatan, kekerasan, atau pelaporan kepada pihak berwenang agar mereka tetap bekerja atau tidak keluar?",
    },
    G4: {
      text: "Apakah ada pekerja yang dipukul, dilecehkan secara seksual, atau tidak diberi makan, minum, atau izin ke toilet sebagai hukuman?",
    },
    G5: {
      text: "Apakah pekerja diwakili oleh serikat pekerja atau komite pekerja yang dipilih secara bebas?",
    },
    S1: {
      text: "Apakah kontrak Anda mewajibkan pemasok dan penyedia tenaga kerja Anda sendiri untuk memenuhi standar ini?",
      evidenceRequest: "Unggah kode etik pemasok Anda atau klausul kontraknya.",
    },
    S2: {
      text: "Apakah ada bahan baku Anda yang berasal dari sumber berikut?",
      help: "Pilih semua yang sesuai.",
      options: {
        xinjiang: "Daerah Otonomi Uighur Xinjiang, Tiongkok",
        ilab: "Barang dan negara yang tercantum dalam daftar kerja paksa ILAB (Amerika Serikat)",
        seafood: "Hasil laut dari armada penangkapan ikan laut lepas",
        none: "Tidak satu pun",
        unknown: "Kami tidak tahu",
      },
    },
    S3: {
      text: "Apakah Anda memeriksa pemasok utama Anda terkait kerja paksa, melalui kuesioner atau audit?",
    },
    A1: {
      text: "Skema apa yang digunakan untuk audit sosial terbaru di lokasi ini?",
      options: {
        smeta: "SMETA",
        "amfori-bsci": "amfori BSCI",
        rba: "RBA",
        sa8000: "SA8000",
        other: "Skema lain",
        none: "Tidak ada audit sosial dalam 3 tahun terakhir",
      },
    },
    A2: { text: "Pada tanggal berapa audit tersebut dilakukan?" },
    A3: {
      text: "Berapa banyak ketidaksesuaian dari audit tersebut yang masih terbuka?",
      unit: "ketidaksesuaian terbuka",
    },
    A4: { text: "Unggah laporan audit." },
    X1: {
      text: "Dalam 24 bulan terakhir, apakah ditemukan kerja paksa atau pekerja anak dalam kegiatan usaha atau rantai pasok Anda?",
    },
    X2: { text: "Apa yang ditemukan, dan apa yang Anda lakukan?" },
    X3: {
      text: "Apakah pekerja yang terdampak menerima pemulihan, seperti pengembalian biaya, pengembalian dokumen, atau pembayaran upah?",
      evidenceRequest: "Unggah bukti pemulihan, seperti catatan pengembalian dana.",
    },
    D1: { text: "Siapa yang menyiapkan jawaban ini?" },
    D2: { text: "Apa jabatannya?" },
  },
};
