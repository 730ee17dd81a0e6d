import type { LanguageCode } from "~/i18n/languages";
import { messagesFor, translator } from "~/i18n/translate";

/**
 * The built-in course "Recognising forced labour", taught to supplier staff in the portal, in the eight
 * portal languages. The content follows the ILO's eleven forced-labour indicators (ILO, "Indicators of
 * Forced Labour", 2012) and the warning signs auditors look for on site (domain brief §3). Three pages,
 * then five questions; which answer is right lives in `builtin-course.ts`, never in the strings, so the
 * page never sends it to the browser. Server-only: the page gets one language's table from its loader.
 */
const en = {
  title: "Recognising forced labour",
  duration: "About {minutes} minutes",
  intro:
    "This short course is offered by your customer to the staff of its suppliers. It explains the warning signs of forced labour and what to do when you see one.",

  "p1.title": "What forced labour is",
  "p1.t1":
    "Forced labour is work that a person is made to do under the threat of a penalty and has not offered to do freely (ILO Forced Labour Convention, 1930, No. 29).",
  "p1.t2":
    "The penalty does not have to be violence. It can be a debt that never ends, wages held back, a passport kept by someone else, or the threat of being reported to the police or immigration.",
  "p1.t3":
    "The International Labour Organization lists eleven indicators. One indicator can be enough to suspect forced labour; several together are a strong signal.",

  "p2.title": "The eleven indicators",
  "p2.intro": "Learn to recognise each of them:",
  "p2.i1":
    "Abuse of vulnerability: taking advantage of workers who lack the language, papers or other options.",
  "p2.i2": "Deception: promises about the job, the pay or the conditions that are not kept.",
  "p2.i3": "Restriction of movement: workers cannot leave the workplace or the dormitory freely.",
  "p2.i4": "Isolation: workers are cut off from their family, their community or help.",
  "p2.i5": "Physical and sexual violence, or the threat of it.",
  "p2.i6": "Intimidation and threats, such as threats of dismissal or of being reported to the authorities.",
  "p2.i7":
    "Retention of identity documents: passports or identity cards kept by the employer or a recruiter.",
  "p2.i8": "Withholding of wages: pay that is late, held back or kept “for safekeeping”.",
  "p2.i9":
    "Debt bondage: a debt for recruitment fees, travel or advances that the worker cannot pay off and must work to repay.",
  "p2.i10": "Abusive working and living conditions: degrading, dangerous or unhealthy work or housing.",
  "p2.i11": "Excessive overtime: hours beyond the legal limit, often under threat of a penalty.",

  "p3.title": "Warning signs and what to do",
  "p3.intro": "Signs you may notice at a workplace:",
  "p3.s1": "Workers seem afraid or give answers that sound rehearsed.",
  "p3.s2": "Workers are always accompanied and cannot speak for themselves.",
  "p3.s3": "Workers have no access to their own documents or money.",
  "p3.s4": "Doors of the workplace or the dormitory are locked.",
  "p3.s5": "Workers owe money to the employer or to a recruiter.",
  "p3.s6": "Workers are injured, exhausted or malnourished.",
  "p3.t1":
    "If you see a sign, do not confront anyone and do not put a worker at risk. Write down what you saw and when, and tell the person responsible for social compliance at your company or at your customer. Workers can also report anonymously through the channel on the site poster.",
  "p3.t2":
    "Remedy comes first: returning documents, repaying recruitment fees, paying the wages owed. Ending the business relationship is a last resort.",

  "quiz.title": "Quiz",
  "quiz.intro":
    "Answer the five questions. You pass with {pass} correct answers out of {total}. Your name and result are shared with the company that invited you.",
  "quiz.name": "Your name",
  "quiz.submit": "Submit my answers",
  "quiz.nameRequired": "Please enter your name.",
  "quiz.nameTooLong": "Your name is too long: at most {max} characters.",
  "quiz.nameLetters": "Write your name with letters.",
  "quiz.answerAll": "Please answer every question.",

  "q1.text": "A recruiter keeps a worker's passport “for safekeeping”. What is this?",
  "q1.a": "Normal practice if the worker agrees",
  "q1.b": "Retention of identity documents, an indicator of forced labour",
  "q1.c": "A problem only if the passport is lost",
  "q2.text":
    "A worker paid a recruitment fee and must keep working until the debt is repaid. Which indicator is this?",
  "q2.a": "Debt bondage",
  "q2.b": "Excessive overtime",
  "q2.c": "Isolation",
  "q3.text": "How many indicators are needed to suspect forced labour?",
  "q3.a": "At least three",
  "q3.b": "All eleven",
  "q3.c": "One can be enough",
  "q4.text": "Workers may not leave the dormitory after their shift. Which indicator is this?",
  "q4.a": "Deception",
  "q4.b": "Restriction of movement",
  "q4.c": "Withholding of wages",
  "q5.text": "You notice a warning sign during a visit. What should you do first?",
  "q5.a": "Confront the supervisor in front of the workers",
  "q5.b":
    "Note what you saw and tell the person responsible for social compliance, without putting workers at risk",
  "q5.c": "Do nothing unless a worker complains",

  "result.passed":
    "You passed with {score} correct answers out of {total}. Your completion has been recorded.",
  "result.failed":
    "You answered {score} of {total} questions correctly; {pass} are needed to pass. Read the pages again and try once more.",
  "result.correct": "Correct",
  "result.wrong": "Not correct",
  "result.again": "Try again",

  "nav.pageOf": "Page {n} of {total}",
  "nav.next": "Next",
  "nav.previous": "Previous",
  "nav.toQuiz": "Go to the quiz",
  "nav.back": "Back to the questionnaire",
  "lang.label": "Language",
  "lang.change": "Change",
};

export type CourseKey = keyof typeof en;

const es: Record<CourseKey, string> = {
  title: "Reconocer el trabajo forzoso",
  duration: "Unos {minutes} minutos",
  intro:
    "Su cliente ofrece este breve curso al personal de sus proveedores. Explica las señales de alerta del trabajo forzoso y qué hacer cuando vea una.",
  "p1.title": "Qué es el trabajo forzoso",
  "p1.t1":
    "El trabajo forzoso es todo trabajo que se exige a una persona bajo la amenaza de una pena y que no ha ofrecido hacer voluntariamente (Convenio sobre el trabajo forzoso de la OIT, 1930, núm. 29).",
  "p1.t2":
    "La pena no tiene que ser violencia. Puede ser una deuda que nunca termina, salarios retenidos, un pasaporte guardado por otra persona o la amenaza de ser denunciado a la policía o a inmigración.",
  "p1.t3":
    "La Organización Internacional del Trabajo enumera once indicadores. Un solo indicador puede bastar para sospechar trabajo forzoso; varios juntos son una señal fuerte.",
  "p2.title": "Los once indicadores",
  "p2.intro": "Aprenda a reconocer cada uno:",
  "p2.i1":
    "Abuso de vulnerabilidad: aprovecharse de trabajadores que no dominan el idioma, no tienen papeles u otras opciones.",
  "p2.i2": "Engaño: promesas sobre el empleo, el salario o las condiciones que no se cumplen.",
  "p2.i3":
    "Restricción de movimiento: los trabajadores no pueden salir libremente del lugar de trabajo o del dormitorio.",
  "p2.i4":
    "Aislamiento: los trabajadores están separados de su familia, de su comunidad o de cualquier ayuda.",
  "p2.i5": "Violencia física y sexual, o la amenaza de ella.",
  "p2.i6": "Intimidación y amenazas, como amenazas de despido o de denuncia a las autoridades.",
  "p2.i7":
    "Retención de documentos de identidad: pasaportes o tarjetas de identidad guardados por el empleador o un reclutador.",
  "p2.i8": "Retención de salarios: pagos atrasados, retenidos o guardados “en custodia”.",
  "p2.i9":
    "Servidumbre por deudas: una deuda por comisiones de contratación, viaje o anticipos que el trabajador no puede saldar y debe pagar trabajando.",
  "p2.i10":
    "Condiciones de trabajo y de vida abusivas: trabajo o alojamiento degradante, peligroso o insalubre.",
  "p2.i11":
    "Horas extraordinarias excesivas: horas por encima del límite legal, a menudo bajo amenaza de una pena.",
  "p3.title": "Señales de alerta y qué hacer",
  "p3.intro": "Señales que puede notar en un lugar de trabajo:",
  "p3.s1": "Los trabajadores parecen tener miedo o dan respuestas que suenan ensayadas.",
  "p3.s2": "Los trabajadores siempre van acompañados y no pueden hablar por sí mismos.",
  "p3.s3": "Los trabajadores no tienen acceso a sus propios documentos ni a su dinero.",
  "p3.s4": "Las puertas del lugar de trabajo o del dormitorio están cerradas con llave.",
  "p3.s5": "Los trabajadores deben dinero al empleador o a un reclutador.",
  "p3.s6": "Los trabajadores están heridos, agotados o desnutridos.",
  "p3.t1":
    "Si ve una señal, no se enfrente a nadie y no ponga en riesgo a ningún trabajador. Anote lo que vio y cuándo, e informe a la persona responsable del cumplimiento social de su empresa o de su cliente. Los trabajadores también pueden denunciar de forma anónima a través del canal del cartel del centro.",
  "p3.t2":
    "Lo primero es la reparación: devolver los documentos, reembolsar las comisiones de contratación, pagar los salarios debidos. Poner fin a la relación comercial es el último recurso.",
  "quiz.title": "Cuestionario",
  "quiz.intro":
    "Responda las cinco preguntas. Aprueba con {pass} respuestas correctas de {total}. Su nombre y su resultado se comparten con la empresa que le invitó.",
  "quiz.name": "Su nombre",
  "quiz.submit": "Enviar mis respuestas",
  "quiz.nameRequired": "Escriba su nombre.",
  "quiz.nameTooLong": "Su nombre es demasiado largo: {max} caracteres como máximo.",
  "quiz.nameLetters": "Escriba su nombre con letras.",
  "quiz.answerAll": "Responda todas las preguntas.",
  "q1.text": "Un reclutador guarda el pasaporte de un trabajador “en custodia”. ¿Qué es esto?",
  "q1.a": "Una práctica normal si el trabajador está de acuerdo",
  "q1.b": "Retención de documentos de identidad, un indicador de trabajo forzoso",
  "q1.c": "Un problema solo si el pasaporte se pierde",
  "q2.text":
    "Un trabajador pagó una comisión de contratación y debe seguir trabajando hasta saldar la deuda. ¿Qué indicador es este?",
  "q2.a": "Servidumbre por deudas",
  "q2.b": "Horas extraordinarias excesivas",
  "q2.c": "Aislamiento",
  "q3.text": "¿Cuántos indicadores hacen falta para sospechar trabajo forzoso?",
  "q3.a": "Al menos tres",
  "q3.b": "Los once",
  "q3.c": "Uno puede bastar",
  "q4.text": "Los trabajadores no pueden salir del dormitorio después de su turno. ¿Qué indicador es este?",
  "q4.a": "Engaño",
  "q4.b": "Restricción de movimiento",
  "q4.c": "Retención de salarios",
  "q5.text": "Nota una señal de alerta durante una visita. ¿Qué debe hacer primero?",
  "q5.a": "Enfrentarse al supervisor delante de los trabajadores",
  "q5.b":
    "Anotar lo que vio e informar a la persona responsable del cumplimiento social, sin poner en riesgo a los trabajadores",
  "q5.c": "No hacer nada salvo que un trabajador se queje",
  "result.passed":
    "Ha aprobado con {score} respuestas correctas de {total}. Su finalización ha quedado registrada.",
  "result.failed":
    "Ha respondido bien {score} de {total} preguntas; se necesitan {pass} para aprobar. Vuelva a leer las páginas e inténtelo de nuevo.",
  "result.correct": "Correcto",
  "result.wrong": "Incorrecto",
  "result.again": "Intentar de nuevo",
  "nav.pageOf": "Página {n} de {total}",
  "nav.next": "Siguiente",
  "nav.previous": "Anterior",
  "nav.toQuiz": "Ir al cuestionario",
  "nav.back": "Volver al cuestionario de proveedor",
  "lang.label": "Idioma",
  "lang.change": "Cambiar",
};

const fr: Record<CourseKey, string> = {
  title: "Reconnaître le travail forcé",
  duration: "Environ {minutes} minutes",
  intro:
    "Votre client propose ce court module au personnel de ses fournisseurs. Il présente les signes d'alerte du travail forcé et ce qu'il faut faire quand on en voit un.",
  "p1.title": "Qu'est-ce que le travail forcé ?",
  "p1.t1":
    "Le travail forcé est tout travail exigé d'une personne sous la menace d'une peine et pour lequel elle ne s'est pas offerte de plein gré (Convention de l'OIT sur le travail forcé, 1930, n° 29).",
  "p1.t2":
    "La peine n'est pas forcément la violence. Ce peut être une dette sans fin, des salaires retenus, un passeport gardé par quelqu'un d'autre ou la menace d'être dénoncé à la police ou aux services d'immigration.",
  "p1.t3":
    "L'Organisation internationale du Travail énumère onze indicateurs. Un seul indicateur peut suffire à soupçonner du travail forcé ; plusieurs ensemble sont un signal fort.",
  "p2.title": "Les onze indicateurs",
  "p2.intro": "Apprenez à reconnaître chacun d'eux :",
  "p2.i1":
    "Abus de vulnérabilité : profiter de travailleurs qui n'ont pas la langue, les papiers ou d'autres choix.",
  "p2.i2": "Tromperie : des promesses sur l'emploi, le salaire ou les conditions qui ne sont pas tenues.",
  "p2.i3":
    "Restriction de la liberté de mouvement : les travailleurs ne peuvent pas quitter librement le lieu de travail ou le dortoir.",
  "p2.i4": "Isolement : les travailleurs sont coupés de leur famille, de leur communauté ou de toute aide.",
  "p2.i5": "Violences physiques et sexuelles, ou la menace de telles violences.",
  "p2.i6": "Intimidation et menaces, comme la menace d'un licenciement ou d'une dénonciation aux autorités.",
  "p2.i7":
    "Rétention des documents d'identité : passeports ou cartes d'identité gardés par l'employeur ou un recruteur.",
  "p2.i8": "Retenue sur salaire : une paie en retard, retenue ou gardée « en dépôt ».",
  "p2.i9":
    "Servitude pour dettes : une dette de frais de recrutement, de voyage ou d'avances que le travailleur ne peut pas rembourser et doit payer en travaillant.",
  "p2.i10":
    "Conditions de travail et de vie abusives : un travail ou un logement dégradant, dangereux ou insalubre.",
  "p2.i11":
    "Heures supplémentaires excessives : des heures au-delà de la limite légale, souvent sous la menace d'une sanction.",
  "p3.title": "Signes d'alerte et que faire",
  "p3.intro": "Des signes que vous pouvez remarquer sur un lieu de travail :",
  "p3.s1": "Les travailleurs semblent avoir peur ou donnent des réponses qui paraissent apprises.",
  "p3.s2": "Les travailleurs sont toujours accompagnés et ne peuvent pas parler pour eux-mêmes.",
  "p3.s3": "Les travailleurs n'ont pas accès à leurs propres documents ni à leur argent.",
  "p3.s4": "Les portes du lieu de travail ou du dortoir sont fermées à clé.",
  "p3.s5": "Les travailleurs doivent de l'argent à l'employeur ou à un recruteur.",
  "p3.s6": "Les travailleurs sont blessés, épuisés ou mal nourris.",
  "p3.t1":
    "Si vous voyez un signe, n'affrontez personne et ne mettez aucun travailleur en danger. Notez ce que vous avez vu et quand, et prévenez la personne chargée de la conformité sociale dans votre entreprise ou chez votre client. Les travailleurs peuvent aussi signaler anonymement par le canal indiqué sur l'affiche du site.",
  "p3.t2":
    "La réparation passe d'abord : rendre les documents, rembourser les frais de recrutement, payer les salaires dus. Mettre fin à la relation commerciale est un dernier recours.",
  "quiz.title": "Quiz",
  "quiz.intro":
    "Répondez aux cinq questions. Vous réussissez avec {pass} bonnes réponses sur {total}. Votre nom et votre résultat sont communiqués à l'entreprise qui vous a invité.",
  "quiz.name": "Votre nom",
  "quiz.submit": "Envoyer mes réponses",
  "quiz.nameRequired": "Veuillez indiquer votre nom.",
  "quiz.nameTooLong": "Votre nom est trop long : {max} caractères au maximum.",
  "quiz.nameLetters": "Écrivez votre nom avec des lettres.",
  "quiz.answerAll": "Veuillez répondre à toutes les questions.",
  "q1.text": "Un recruteur garde le passeport d'un travailleur « en dépôt ». De quoi s'agit-il ?",
  "q1.a": "D'une pratique normale si le travailleur est d'accord",
  "q1.b": "De la rétention de documents d'identité, un indicateur de travail forcé",
  "q1.c": "D'un problème seulement si le passeport est perdu",
  "q2.text":
    "Un travailleur a payé des frais de recrutement et doit continuer à travailler jusqu'à ce que la dette soit remboursée. Quel indicateur est-ce ?",
  "q2.a": "Servitude pour dettes",
  "q2.b": "Heures supplémentaires excessives",
  "q2.c": "Isolement",
  "q3.text": "Combien d'indicateurs faut-il pour soupçonner du travail forcé ?",
  "q3.a": "Au moins trois",
  "q3.b": "Les onze",
  "q3.c": "Un seul peut suffire",
  "q4.text":
    "Les travailleurs ne peuvent pas quitter le dortoir après leur service. Quel indicateur est-ce ?",
  "q4.a": "Tromperie",
  "q4.b": "Restriction de la liberté de mouvement",
  "q4.c": "Retenue sur salaire",
  "q5.text": "Vous remarquez un signe d'alerte pendant une visite. Que devez-vous faire d'abord ?",
  "q5.a": "Confronter le superviseur devant les travailleurs",
  "q5.b":
    "Noter ce que vous avez vu et prévenir la personne chargée de la conformité sociale, sans mettre les travailleurs en danger",
  "q5.c": "Ne rien faire tant qu'aucun travailleur ne se plaint",
  "result.passed":
    "Vous avez réussi avec {score} bonnes réponses sur {total}. Votre participation a été enregistrée.",
  "result.failed":
    "Vous avez répondu correctement à {score} questions sur {total} ; il en faut {pass} pour réussir. Relisez les pages et réessayez.",
  "result.correct": "Correct",
  "result.wrong": "Incorrect",
  "result.again": "Réessayer",
  "nav.pageOf": "Page {n} sur {total}",
  "nav.next": "Suivant",
  "nav.previous": "Précédent",
  "nav.toQuiz": "Passer au quiz",
  "nav.back": "Retour au questionnaire",
  "lang.label": "Langue",
  "lang.change": "Changer",
};

const zh: Record<CourseKey, string> = {
  title: "识别强迫劳动",
  duration: "约 {minutes} 分钟",
  intro: "这门简短课程由您的客户提供给其供应商的员工。课程介绍强迫劳动的警示迹象，以及发现时应如何处理。",
  "p1.title": "什么是强迫劳动",
  "p1.t1":
    "强迫劳动是指以惩罚相威胁，强使任何人从事其本人不曾表示自愿从事的所有工作或劳务（国际劳工组织 1930 年《强迫劳动公约》，第 29 号）。",
  "p1.t2":
    "惩罚不一定是暴力。它可以是永远还不清的债务、被扣留的工资、被他人保管的护照，或以向警方或移民部门举报相威胁。",
  "p1.t3": "国际劳工组织列出了十一项指标。一项指标就可能足以怀疑存在强迫劳动；多项指标同时出现则是强烈信号。",
  "p2.title": "十一项指标",
  "p2.intro": "学会识别每一项：",
  "p2.i1": "利用弱势处境：利用不懂当地语言、没有证件或别无选择的工人。",
  "p2.i2": "欺骗：关于工作、工资或条件的承诺没有兑现。",
  "p2.i3": "限制行动自由：工人不能自由离开工作场所或宿舍。",
  "p2.i4": "孤立：工人与家人、社区或外界帮助隔绝。",
  "p2.i5": "身体暴力和性暴力，或以此相威胁。",
  "p2.i6": "恐吓和威胁，例如威胁解雇或向当局举报。",
  "p2.i7": "扣留身份证件：护照或身份证由雇主或招聘中介保管。",
  "p2.i8": "扣发工资：工资拖欠、被扣留或以“代为保管”为由不发放。",
  "p2.i9": "债役：因招聘费、路费或预支款欠下的债务，工人无法还清，只能靠工作抵偿。",
  "p2.i10": "恶劣的工作和生活条件：有辱人格、危险或不卫生的工作或住宿。",
  "p2.i11": "过度加班：超过法定上限的工时，往往伴随惩罚威胁。",
  "p3.title": "警示迹象及应对方法",
  "p3.intro": "您在工作场所可能注意到的迹象：",
  "p3.s1": "工人显得害怕，或回答听起来像是事先背好的。",
  "p3.s2": "工人总有人陪同，不能自己说话。",
  "p3.s3": "工人无法取得自己的证件或钱款。",
  "p3.s4": "工作场所或宿舍的门被锁住。",
  "p3.s5": "工人欠雇主或招聘中介的钱。",
  "p3.s6": "工人受伤、精疲力竭或营养不良。",
  "p3.t1":
    "如果发现迹象，不要与任何人当面对质，也不要让工人陷入危险。记下您看到了什么、在什么时候，并告知贵公司或客户负责社会责任合规的人员。工人也可以通过工厂海报上的渠道匿名举报。",
  "p3.t2": "补救优先：归还证件、退还招聘费、支付拖欠的工资。终止业务关系是最后的手段。",
  "quiz.title": "测验",
  "quiz.intro": "请回答五个问题。{total} 题中答对 {pass} 题即为通过。您的姓名和成绩将提供给邀请您的公司。",
  "quiz.name": "您的姓名",
  "quiz.submit": "提交答案",
  "quiz.nameRequired": "请填写您的姓名。",
  "quiz.nameTooLong": "姓名过长：最多 {max} 个字符。",
  "quiz.nameLetters": "请用文字填写您的姓名。",
  "quiz.answerAll": "请回答所有问题。",
  "q1.text": "招聘中介以“代为保管”为由留下工人的护照。这属于什么？",
  "q1.a": "只要工人同意就是正常做法",
  "q1.b": "扣留身份证件，强迫劳动的一项指标",
  "q1.c": "只有护照丢失时才是问题",
  "q2.text": "一名工人支付了招聘费，必须一直工作到还清债务。这是哪一项指标？",
  "q2.a": "债役",
  "q2.b": "过度加班",
  "q2.c": "孤立",
  "q3.text": "需要多少项指标才能怀疑存在强迫劳动？",
  "q3.a": "至少三项",
  "q3.b": "全部十一项",
  "q3.c": "一项就可能足够",
  "q4.text": "工人下班后不得离开宿舍。这是哪一项指标？",
  "q4.a": "欺骗",
  "q4.b": "限制行动自由",
  "q4.c": "扣发工资",
  "q5.text": "您在一次访问中注意到一个警示迹象。首先应该怎么做？",
  "q5.a": "当着工人的面与主管对质",
  "q5.b": "记下所见情况并告知负责社会责任合规的人员，同时不让工人陷入危险",
  "q5.c": "除非有工人投诉，否则什么也不做",
  "result.passed": "您已通过，{total} 题中答对 {score} 题。您的完成记录已保存。",
  "result.failed":
    "您答对了 {total} 题中的 {score} 题；需要答对 {pass} 题才能通过。请重新阅读课程页面后再试一次。",
  "result.correct": "正确",
  "result.wrong": "不正确",
  "result.again": "再试一次",
  "nav.pageOf": "第 {n} 页，共 {total} 页",
  "nav.next": "下一页",
  "nav.previous": "上一页",
  "nav.toQuiz": "进入测验",
  "nav.back": "返回问卷",
  "lang.label": "语言",
  "lang.change": "切换",
};

const vi: Record<CourseKey, string> = {
  title: "Nhận biết lao động cưỡng bức",
  duration: "Khoảng {minutes} phút",
  intro:
    "Khách hàng của bạn cung cấp khóa học ngắn này cho nhân viên của các nhà cung cấp. Khóa học giải thích các dấu hiệu cảnh báo lao động cưỡng bức và cần làm gì khi bạn thấy một dấu hiệu.",
  "p1.title": "Lao động cưỡng bức là gì",
  "p1.t1":
    "Lao động cưỡng bức là mọi công việc mà một người bị buộc phải làm dưới sự đe dọa của một hình phạt và không tự nguyện làm (Công ước của ILO về lao động cưỡng bức, 1930, số 29).",
  "p1.t2":
    "Hình phạt không nhất thiết là bạo lực. Đó có thể là một khoản nợ không bao giờ trả hết, tiền lương bị giữ lại, hộ chiếu do người khác giữ, hoặc lời đe dọa tố giác với công an hay cơ quan xuất nhập cảnh.",
  "p1.t3":
    "Tổ chức Lao động Quốc tế liệt kê mười một chỉ báo. Một chỉ báo có thể đủ để nghi ngờ lao động cưỡng bức; nhiều chỉ báo cùng lúc là tín hiệu mạnh.",
  "p2.title": "Mười một chỉ báo",
  "p2.intro": "Hãy học cách nhận biết từng chỉ báo:",
  "p2.i1":
    "Lợi dụng tình trạng dễ bị tổn thương: lợi dụng người lao động không biết ngôn ngữ, không có giấy tờ hoặc không có lựa chọn khác.",
  "p2.i2": "Lừa dối: những lời hứa về công việc, tiền lương hoặc điều kiện không được thực hiện.",
  "p2.i3": "Hạn chế đi lại: người lao động không thể tự do rời nơi làm việc hoặc ký túc xá.",
  "p2.i4": "Cô lập: người lao động bị tách khỏi gia đình, cộng đồng hoặc sự giúp đỡ.",
  "p2.i5": "Bạo lực thể chất và tình dục, hoặc đe dọa bạo lực.",
  "p2.i6": "Đe dọa và uy hiếp, như đe dọa sa thải hoặc tố giác với chính quyền.",
  "p2.i7":
    "Giữ giấy tờ tùy thân: hộ chiếu hoặc thẻ căn cước do chủ sử dụng lao động hoặc người môi giới giữ.",
  "p2.i8": "Giữ lương: tiền lương bị trả chậm, bị giữ lại hoặc bị giữ “hộ”.",
  "p2.i9":
    "Lao động trừ nợ: khoản nợ phí tuyển dụng, đi lại hoặc tạm ứng mà người lao động không thể trả hết và phải làm việc để trả.",
  "p2.i10":
    "Điều kiện làm việc và sinh hoạt tồi tệ: công việc hoặc chỗ ở hạ thấp nhân phẩm, nguy hiểm hoặc mất vệ sinh.",
  "p2.i11": "Làm thêm giờ quá mức: số giờ vượt giới hạn pháp luật, thường kèm đe dọa trừng phạt.",
  "p3.title": "Dấu hiệu cảnh báo và cần làm gì",
  "p3.intro": "Những dấu hiệu bạn có thể nhận thấy tại nơi làm việc:",
  "p3.s1": "Người lao động có vẻ sợ hãi hoặc trả lời như đã được dặn trước.",
  "p3.s2": "Người lao động luôn có người đi kèm và không thể tự nói.",
  "p3.s3": "Người lao động không tiếp cận được giấy tờ hoặc tiền của chính mình.",
  "p3.s4": "Cửa nơi làm việc hoặc ký túc xá bị khóa.",
  "p3.s5": "Người lao động nợ tiền chủ sử dụng lao động hoặc người môi giới.",
  "p3.s6": "Người lao động bị thương, kiệt sức hoặc suy dinh dưỡng.",
  "p3.t1":
    "Nếu thấy một dấu hiệu, đừng đối chất với ai và đừng để người lao động gặp nguy hiểm. Ghi lại những gì bạn thấy và thời điểm, rồi báo cho người phụ trách tuân thủ xã hội tại công ty bạn hoặc tại khách hàng. Người lao động cũng có thể báo cáo ẩn danh qua kênh ghi trên áp phích của cơ sở.",
  "p3.t2":
    "Khắc phục là trên hết: trả lại giấy tờ, hoàn trả phí tuyển dụng, trả tiền lương còn nợ. Chấm dứt quan hệ kinh doanh là biện pháp cuối cùng.",
  "quiz.title": "Câu hỏi kiểm tra",
  "quiz.intro":
    "Hãy trả lời năm câu hỏi. Bạn đạt khi trả lời đúng {pass} trên {total} câu. Tên và kết quả của bạn được chia sẻ với công ty đã mời bạn.",
  "quiz.name": "Tên của bạn",
  "quiz.submit": "Gửi câu trả lời",
  "quiz.nameRequired": "Vui lòng nhập tên của bạn.",
  "quiz.nameTooLong": "Tên của bạn quá dài: tối đa {max} ký tự.",
  "quiz.nameLetters": "Vui lòng viết tên của bạn bằng chữ.",
  "quiz.answerAll": "Vui lòng trả lời tất cả các câu hỏi.",
  "q1.text": "Một người môi giới giữ hộ chiếu của người lao động “để giữ hộ”. Đây là gì?",
  "q1.a": "Việc bình thường nếu người lao động đồng ý",
  "q1.b": "Giữ giấy tờ tùy thân, một chỉ báo của lao động cưỡng bức",
  "q1.c": "Chỉ là vấn đề nếu hộ chiếu bị mất",
  "q2.text":
    "Một người lao động đã trả phí tuyển dụng và phải tiếp tục làm việc cho đến khi trả hết nợ. Đây là chỉ báo nào?",
  "q2.a": "Lao động trừ nợ",
  "q2.b": "Làm thêm giờ quá mức",
  "q2.c": "Cô lập",
  "q3.text": "Cần bao nhiêu chỉ báo để nghi ngờ lao động cưỡng bức?",
  "q3.a": "Ít nhất ba",
  "q3.b": "Cả mười một",
  "q3.c": "Một chỉ báo có thể là đủ",
  "q4.text": "Người lao động không được rời ký túc xá sau ca làm. Đây là chỉ báo nào?",
  "q4.a": "Lừa dối",
  "q4.b": "Hạn chế đi lại",
  "q4.c": "Giữ lương",
  "q5.text": "Bạn nhận thấy một dấu hiệu cảnh báo trong một chuyến thăm. Bạn nên làm gì trước tiên?",
  "q5.a": "Đối chất với người giám sát trước mặt người lao động",
  "q5.b":
    "Ghi lại những gì đã thấy và báo cho người phụ trách tuân thủ xã hội, không để người lao động gặp nguy hiểm",
  "q5.c": "Không làm gì trừ khi có người lao động khiếu nại",
  "result.passed":
    "Bạn đã đạt với {score} câu đúng trên {total}. Việc hoàn thành khóa học của bạn đã được ghi nhận.",
  "result.failed":
    "Bạn trả lời đúng {score} trên {total} câu; cần {pass} câu để đạt. Hãy đọc lại các trang và thử lại.",
  "result.correct": "Đúng",
  "result.wrong": "Chưa đúng",
  "result.again": "Thử lại",
  "nav.pageOf": "Trang {n} / {total}",
  "nav.next": "Tiếp",
  "nav.previous": "Trước",
  "nav.toQuiz": "Làm bài kiểm tra",
  "nav.back": "Quay lại bảng câu hỏi",
  "lang.label": "Ngôn ngữ",
  "lang.change": "Đổi",
};

const id: Record<CourseKey, string> = {
  title: "Mengenali kerja paksa",
  duration: "Sekitar {minutes} menit",
  intro:
    "Kursus singkat ini ditawarkan oleh pelanggan Anda kepada staf para pemasoknya. Kursus ini menjelaskan tanda-tanda peringatan kerja paksa dan apa yang harus dilakukan bila Anda melihatnya.",
  "p1.title": "Apa itu kerja paksa",
  "p1.t1":
    "Kerja paksa adalah semua pekerjaan yang dituntut dari seseorang di bawah ancaman hukuman dan yang tidak ia tawarkan secara sukarela (Konvensi ILO tentang Kerja Paksa, 1930, No. 29).",
  "p1.t2":
    "Hukuman itu tidak harus berupa kekerasan. Bisa berupa utang yang tidak pernah lunas, upah yang ditahan, paspor yang disimpan orang lain, atau ancaman dilaporkan ke polisi atau imigrasi.",
  "p1.t3":
    "Organisasi Perburuhan Internasional mencantumkan sebelas indikator. Satu indikator bisa cukup untuk mencurigai kerja paksa; beberapa sekaligus adalah sinyal yang kuat.",
  "p2.title": "Sebelas indikator",
  "p2.intro": "Pelajari cara mengenali masing-masing:",
  "p2.i1":
    "Penyalahgunaan kerentanan: memanfaatkan pekerja yang tidak menguasai bahasa, tidak punya dokumen atau pilihan lain.",
  "p2.i2": "Penipuan: janji tentang pekerjaan, upah atau kondisi kerja yang tidak ditepati.",
  "p2.i3": "Pembatasan gerak: pekerja tidak dapat meninggalkan tempat kerja atau asrama dengan bebas.",
  "p2.i4": "Isolasi: pekerja terputus dari keluarga, komunitas atau bantuan.",
  "p2.i5": "Kekerasan fisik dan seksual, atau ancamannya.",
  "p2.i6": "Intimidasi dan ancaman, seperti ancaman pemecatan atau dilaporkan kepada pihak berwenang.",
  "p2.i7":
    "Penahanan dokumen identitas: paspor atau kartu identitas disimpan oleh pemberi kerja atau perekrut.",
  "p2.i8": "Penahanan upah: upah yang terlambat, ditahan atau disimpan “untuk diamankan”.",
  "p2.i9":
    "Jeratan utang: utang biaya rekrutmen, perjalanan atau uang muka yang tidak dapat dilunasi pekerja dan harus dibayar dengan bekerja.",
  "p2.i10":
    "Kondisi kerja dan hidup yang tidak layak: pekerjaan atau tempat tinggal yang merendahkan, berbahaya atau tidak sehat.",
  "p2.i11": "Lembur berlebihan: jam kerja melebihi batas hukum, sering di bawah ancaman hukuman.",
  "p3.title": "Tanda peringatan dan apa yang harus dilakukan",
  "p3.intro": "Tanda-tanda yang mungkin Anda lihat di tempat kerja:",
  "p3.s1": "Pekerja tampak takut atau memberikan jawaban yang terdengar sudah dihafalkan.",
  "p3.s2": "Pekerja selalu didampingi dan tidak dapat berbicara sendiri.",
  "p3.s3": "Pekerja tidak memiliki akses ke dokumen atau uang mereka sendiri.",
  "p3.s4": "Pintu tempat kerja atau asrama dikunci.",
  "p3.s5": "Pekerja berutang kepada pemberi kerja atau perekrut.",
  "p3.s6": "Pekerja terluka, kelelahan atau kurang gizi.",
  "p3.t1":
    "Jika Anda melihat tanda, jangan mengonfrontasi siapa pun dan jangan membahayakan pekerja. Catat apa yang Anda lihat dan kapan, lalu beri tahu orang yang bertanggung jawab atas kepatuhan sosial di perusahaan Anda atau di pelanggan Anda. Pekerja juga dapat melapor secara anonim melalui saluran pada poster di lokasi.",
  "p3.t2":
    "Pemulihan lebih dulu: mengembalikan dokumen, mengganti biaya rekrutmen, membayar upah yang terutang. Mengakhiri hubungan bisnis adalah upaya terakhir.",
  "quiz.title": "Kuis",
  "quiz.intro":
    "Jawab kelima pertanyaan. Anda lulus dengan {pass} jawaban benar dari {total}. Nama dan hasil Anda dibagikan kepada perusahaan yang mengundang Anda.",
  "quiz.name": "Nama Anda",
  "quiz.submit": "Kirim jawaban saya",
  "quiz.nameRequired": "Silakan isi nama Anda.",
  "quiz.nameTooLong": "Nama Anda terlalu panjang: paling banyak {max} karakter.",
  "quiz.nameLetters": "Tulis nama Anda dengan huruf.",
  "quiz.answerAll": "Silakan jawab semua pertanyaan.",
  "q1.text": "Seorang perekrut menyimpan paspor pekerja “untuk diamankan”. Apa ini?",
  "q1.a": "Praktik biasa jika pekerja setuju",
  "q1.b": "Penahanan dokumen identitas, sebuah indikator kerja paksa",
  "q1.c": "Masalah hanya jika paspor hilang",
  "q2.text":
    "Seorang pekerja membayar biaya rekrutmen dan harus terus bekerja sampai utangnya lunas. Indikator apa ini?",
  "q2.a": "Jeratan utang",
  "q2.b": "Lembur berlebihan",
  "q2.c": "Isolasi",
  "q3.text": "Berapa indikator yang diperlukan untuk mencurigai kerja paksa?",
  "q3.a": "Paling sedikit tiga",
  "q3.b": "Kesebelasnya",
  "q3.c": "Satu bisa cukup",
  "q4.text": "Pekerja tidak boleh meninggalkan asrama setelah giliran kerja. Indikator apa ini?",
  "q4.a": "Penipuan",
  "q4.b": "Pembatasan gerak",
  "q4.c": "Penahanan upah",
  "q5.text": "Anda melihat tanda peringatan saat kunjungan. Apa yang harus Anda lakukan lebih dulu?",
  "q5.a": "Mengonfrontasi penyelia di depan para pekerja",
  "q5.b":
    "Mencatat apa yang Anda lihat dan memberi tahu penanggung jawab kepatuhan sosial, tanpa membahayakan pekerja",
  "q5.c": "Tidak melakukan apa pun kecuali ada pekerja yang mengeluh",
  "result.passed":
    "Anda lulus dengan {score} jawaban benar dari {total}. Penyelesaian kursus Anda telah dicatat.",
  "result.failed":
    "Anda menjawab benar {score} dari {total} pertanyaan; perlu {pass} untuk lulus. Baca kembali halaman-halamannya dan coba lagi.",
  "result.correct": "Benar",
  "result.wrong": "Belum benar",
  "result.again": "Coba lagi",
  "nav.pageOf": "Halaman {n} dari {total}",
  "nav.next": "Berikutnya",
  "nav.previous": "Sebelumnya",
  "nav.toQuiz": "Ke kuis",
  "nav.back": "Kembali ke kuesioner",
  "lang.label": "Bahasa",
  "lang.change": "Ganti",
};

const pt: Record<CourseKey, string> = {
  title: "Reconhecer o trabalho forçado",
  duration: "Cerca de {minutes} minutos",
  intro:
    "Este curso breve é oferecido pelo seu cliente ao pessoal dos seus fornecedores. Explica os sinais de alerta do trabalho forçado e o que fazer quando vir um.",
  "p1.title": "O que é o trabalho forçado",
  "p1.t1":
    "Trabalho forçado é todo o trabalho exigido a uma pessoa sob a ameaça de uma sanção e para o qual ela não se ofereceu de livre vontade (Convenção da OIT sobre o Trabalho Forçado, 1930, n.º 29).",
  "p1.t2":
    "A sanção não tem de ser violência. Pode ser uma dívida que nunca acaba, salários retidos, um passaporte guardado por outra pessoa ou a ameaça de denúncia à polícia ou aos serviços de imigração.",
  "p1.t3":
    "A Organização Internacional do Trabalho enumera onze indicadores. Um só indicador pode bastar para suspeitar de trabalho forçado; vários juntos são um sinal forte.",
  "p2.title": "Os onze indicadores",
  "p2.intro": "Aprenda a reconhecer cada um deles:",
  "p2.i1":
    "Abuso de vulnerabilidade: aproveitar-se de trabalhadores sem domínio da língua, sem documentos ou sem outras opções.",
  "p2.i2": "Engano: promessas sobre o emprego, o salário ou as condições que não são cumpridas.",
  "p2.i3":
    "Restrição de movimentos: os trabalhadores não podem sair livremente do local de trabalho ou do dormitório.",
  "p2.i4": "Isolamento: os trabalhadores estão afastados da família, da comunidade ou de qualquer ajuda.",
  "p2.i5": "Violência física e sexual, ou a ameaça dela.",
  "p2.i6": "Intimidação e ameaças, como ameaças de despedimento ou de denúncia às autoridades.",
  "p2.i7":
    "Retenção de documentos de identidade: passaportes ou cartões de identidade guardados pelo empregador ou por um recrutador.",
  "p2.i8": "Retenção de salários: pagamentos atrasados, retidos ou guardados “por segurança”.",
  "p2.i9":
    "Servidão por dívidas: uma dívida de taxas de recrutamento, viagem ou adiantamentos que o trabalhador não consegue pagar e tem de saldar a trabalhar.",
  "p2.i10":
    "Condições de trabalho e de vida abusivas: trabalho ou alojamento degradante, perigoso ou insalubre.",
  "p2.i11":
    "Horas extraordinárias excessivas: horas acima do limite legal, muitas vezes sob ameaça de sanção.",
  "p3.title": "Sinais de alerta e o que fazer",
  "p3.intro": "Sinais que pode notar num local de trabalho:",
  "p3.s1": "Os trabalhadores parecem ter medo ou dão respostas que parecem ensaiadas.",
  "p3.s2": "Os trabalhadores estão sempre acompanhados e não podem falar por si.",
  "p3.s3": "Os trabalhadores não têm acesso aos seus próprios documentos nem ao seu dinheiro.",
  "p3.s4": "As portas do local de trabalho ou do dormitório estão trancadas.",
  "p3.s5": "Os trabalhadores devem dinheiro ao empregador ou a um recrutador.",
  "p3.s6": "Os trabalhadores estão feridos, exaustos ou subnutridos.",
  "p3.t1":
    "Se vir um sinal, não confronte ninguém e não ponha nenhum trabalhador em risco. Anote o que viu e quando, e informe a pessoa responsável pela conformidade social na sua empresa ou no seu cliente. Os trabalhadores também podem denunciar anonimamente através do canal indicado no cartaz do local.",
  "p3.t2":
    "A reparação vem primeiro: devolver os documentos, reembolsar as taxas de recrutamento, pagar os salários em dívida. Terminar a relação comercial é o último recurso.",
  "quiz.title": "Questionário",
  "quiz.intro":
    "Responda às cinco perguntas. Fica aprovado com {pass} respostas certas em {total}. O seu nome e o seu resultado são partilhados com a empresa que o convidou.",
  "quiz.name": "O seu nome",
  "quiz.submit": "Enviar as minhas respostas",
  "quiz.nameRequired": "Indique o seu nome.",
  "quiz.nameTooLong": "O seu nome é demasiado longo: no máximo {max} caracteres.",
  "quiz.nameLetters": "Escreva o seu nome com letras.",
  "quiz.answerAll": "Responda a todas as perguntas.",
  "q1.text": "Um recrutador guarda o passaporte de um trabalhador “por segurança”. O que é isto?",
  "q1.a": "Uma prática normal se o trabalhador concordar",
  "q1.b": "Retenção de documentos de identidade, um indicador de trabalho forçado",
  "q1.c": "Um problema apenas se o passaporte se perder",
  "q2.text":
    "Um trabalhador pagou uma taxa de recrutamento e tem de continuar a trabalhar até pagar a dívida. Que indicador é este?",
  "q2.a": "Servidão por dívidas",
  "q2.b": "Horas extraordinárias excessivas",
  "q2.c": "Isolamento",
  "q3.text": "Quantos indicadores são precisos para suspeitar de trabalho forçado?",
  "q3.a": "Pelo menos três",
  "q3.b": "Todos os onze",
  "q3.c": "Um pode bastar",
  "q4.text": "Os trabalhadores não podem sair do dormitório depois do turno. Que indicador é este?",
  "q4.a": "Engano",
  "q4.b": "Restrição de movimentos",
  "q4.c": "Retenção de salários",
  "q5.text": "Nota um sinal de alerta durante uma visita. O que deve fazer primeiro?",
  "q5.a": "Confrontar o supervisor à frente dos trabalhadores",
  "q5.b":
    "Anotar o que viu e informar a pessoa responsável pela conformidade social, sem pôr os trabalhadores em risco",
  "q5.c": "Não fazer nada a menos que um trabalhador se queixe",
  "result.passed":
    "Foi aprovado com {score} respostas certas em {total}. A conclusão do curso ficou registada.",
  "result.failed":
    "Respondeu corretamente a {score} de {total} perguntas; são precisas {pass} para ser aprovado. Leia novamente as páginas e tente outra vez.",
  "result.correct": "Certo",
  "result.wrong": "Errado",
  "result.again": "Tentar de novo",
  "nav.pageOf": "Página {n} de {total}",
  "nav.next": "Seguinte",
  "nav.previous": "Anterior",
  "nav.toQuiz": "Ir para o questionário",
  "nav.back": "Voltar ao questionário do fornecedor",
  "lang.label": "Idioma",
  "lang.change": "Mudar",
};

const tr: Record<CourseKey, string> = {
  title: "Zorla çalıştırmayı tanımak",
  duration: "Yaklaşık {minutes} dakika",
  intro:
    "Bu kısa eğitim, müşteriniz tarafından tedarikçilerinin çalışanlarına sunulmaktadır. Zorla çalıştırmanın uyarı işaretlerini ve bir işaret gördüğünüzde ne yapmanız gerektiğini anlatır.",
  "p1.title": "Zorla çalıştırma nedir",
  "p1.t1":
    "Zorla çalıştırma, bir kişiden bir cezanın tehdidi altında istenen ve kişinin gönüllü olarak yapmayı kabul etmediği her türlü iştir (ILO Zorla Çalıştırma Sözleşmesi, 1930, No. 29).",
  "p1.t2":
    "Ceza şiddet olmak zorunda değildir. Hiç bitmeyen bir borç, alıkonan ücretler, başkasının elinde tutulan bir pasaport ya da polise veya göç idaresine ihbar edilme tehdidi olabilir.",
  "p1.t3":
    "Uluslararası Çalışma Örgütü on bir gösterge sayar. Tek bir gösterge zorla çalıştırmadan şüphelenmek için yeterli olabilir; birkaçı birlikte güçlü bir işarettir.",
  "p2.title": "On bir gösterge",
  "p2.intro": "Her birini tanımayı öğrenin:",
  "p2.i1":
    "Savunmasızlığın istismarı: dili bilmeyen, belgesi ya da başka seçeneği olmayan işçilerden yararlanmak.",
  "p2.i2": "Aldatma: iş, ücret veya koşullar hakkında tutulmayan vaatler.",
  "p2.i3": "Hareket özgürlüğünün kısıtlanması: işçiler işyerinden veya yatakhaneden serbestçe ayrılamaz.",
  "p2.i4": "Yalıtılma: işçiler ailelerinden, topluluklarından veya yardımdan koparılmıştır.",
  "p2.i5": "Fiziksel ve cinsel şiddet ya da bunun tehdidi.",
  "p2.i6": "Yıldırma ve tehditler, örneğin işten çıkarma veya yetkililere ihbar etme tehditleri.",
  "p2.i7":
    "Kimlik belgelerine el konulması: pasaportların veya kimlik kartlarının işveren ya da aracı tarafından tutulması.",
  "p2.i8": "Ücretlerin alıkonulması: geciken, kesilen veya “emanet” olarak tutulan ücretler.",
  "p2.i9":
    "Borç esareti: işçinin ödeyemediği ve çalışarak ödemek zorunda kaldığı işe alım ücreti, yol veya avans borcu.",
  "p2.i10": "Kötü çalışma ve yaşam koşulları: onur kırıcı, tehlikeli veya sağlıksız iş ya da barınma.",
  "p2.i11": "Aşırı fazla mesai: yasal sınırı aşan çalışma saatleri, çoğu zaman ceza tehdidi altında.",
  "p3.title": "Uyarı işaretleri ve ne yapmalı",
  "p3.intro": "Bir işyerinde fark edebileceğiniz işaretler:",
  "p3.s1": "İşçiler korkmuş görünüyor veya ezberlenmiş gibi duran yanıtlar veriyor.",
  "p3.s2": "İşçilerin yanında her zaman biri var ve kendileri konuşamıyorlar.",
  "p3.s3": "İşçiler kendi belgelerine veya paralarına erişemiyor.",
  "p3.s4": "İşyerinin veya yatakhanenin kapıları kilitli.",
  "p3.s5": "İşçiler işverene veya bir aracıya borçlu.",
  "p3.s6": "İşçiler yaralı, bitkin veya yetersiz beslenmiş.",
  "p3.t1":
    "Bir işaret görürseniz kimseyle yüzleşmeyin ve hiçbir işçiyi tehlikeye atmayın. Ne gördüğünüzü ve ne zaman gördüğünüzü not edin ve şirketinizde ya da müşterinizde sosyal uyumdan sorumlu kişiye bildirin. İşçiler de tesisteki afişte yazan kanal üzerinden isimsiz olarak bildirimde bulunabilir.",
  "p3.t2":
    "Önce telafi gelir: belgeleri iade etmek, işe alım ücretlerini geri ödemek, ödenmemiş ücretleri ödemek. İş ilişkisini sona erdirmek son çaredir.",
  "quiz.title": "Sınav",
  "quiz.intro":
    "Beş soruyu yanıtlayın. {total} sorudan {pass} doğru yanıtla geçersiniz. Adınız ve sonucunuz sizi davet eden şirketle paylaşılır.",
  "quiz.name": "Adınız",
  "quiz.submit": "Yanıtlarımı gönder",
  "quiz.nameRequired": "Lütfen adınızı yazın.",
  "quiz.nameTooLong": "Adınız çok uzun: en fazla {max} karakter.",
  "quiz.nameLetters": "Adınızı harflerle yazın.",
  "quiz.answerAll": "Lütfen tüm soruları yanıtlayın.",
  "q1.text": "Bir aracı, bir işçinin pasaportunu “emanet” olarak tutuyor. Bu nedir?",
  "q1.a": "İşçi kabul ederse olağan bir uygulama",
  "q1.b": "Kimlik belgelerine el konulması, bir zorla çalıştırma göstergesi",
  "q1.c": "Yalnızca pasaport kaybolursa bir sorun",
  "q2.text": "Bir işçi işe alım ücreti ödemiş ve borç bitene kadar çalışmak zorunda. Bu hangi göstergedir?",
  "q2.a": "Borç esareti",
  "q2.b": "Aşırı fazla mesai",
  "q2.c": "Yalıtılma",
  "q3.text": "Zorla çalıştırmadan şüphelenmek için kaç gösterge gerekir?",
  "q3.a": "En az üç",
  "q3.b": "On birinin hepsi",
  "q3.c": "Bir tanesi yeterli olabilir",
  "q4.text": "İşçiler vardiyadan sonra yatakhaneden çıkamıyor. Bu hangi göstergedir?",
  "q4.a": "Aldatma",
  "q4.b": "Hareket özgürlüğünün kısıtlanması",
  "q4.c": "Ücretlerin alıkonulması",
  "q5.text": "Bir ziyaret sırasında bir uyarı işareti fark ediyorsunuz. İlk olarak ne yapmalısınız?",
  "q5.a": "İşçilerin önünde amirle yüzleşmek",
  "q5.b": "Gördüğünüzü not edip işçileri tehlikeye atmadan sosyal uyumdan sorumlu kişiye bildirmek",
  "q5.c": "Bir işçi şikâyet etmedikçe hiçbir şey yapmamak",
  "result.passed": "{total} sorudan {score} doğru yanıtla geçtiniz. Eğitimi tamamladığınız kaydedildi.",
  "result.failed":
    "{total} sorudan {score} tanesini doğru yanıtladınız; geçmek için {pass} gerekir. Sayfaları yeniden okuyup bir kez daha deneyin.",
  "result.correct": "Doğru",
  "result.wrong": "Yanlış",
  "result.again": "Yeniden dene",
  "nav.pageOf": "Sayfa {n} / {total}",
  "nav.next": "İleri",
  "nav.previous": "Geri",
  "nav.toQuiz": "Sınava geç",
  "nav.back": "Ankete dön",
  "lang.label": "Dil",
  "lang.change": "Değiştir",
};

export const COURSE_STRINGS: Record<LanguageCode, Record<CourseKey, string>> = {
  en,
  es,
  fr,
  "zh-Hans": zh,
  vi,
  id,
  pt,
  tr,
};

export const courseT = translator(COURSE_STRINGS);

/** One language's table, for the course page's loader. */
export function courseMessages(lang: string | null | undefined) {
  return messagesFor(COURSE_STRINGS, lang);
}
