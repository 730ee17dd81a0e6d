import type { TemplateTranslation } from "../../model";

/** Spanish (neutral Latin American usage, "usted"). */
export const ES: TemplateTranslation = {
  title: "Autoevaluación sobre trabajo forzoso",
  intro:
    "Esta autoevaluación pregunta cómo se contrata, emplea, paga y aloja a los trabajadores de su centro. Abarca los " +
    "once indicadores de trabajo forzoso de la OIT. Responda por el centro que fabrica nuestros productos. Si algo " +
    "todavía no se cumple, indíquelo: las respuestas sinceras nos permiten mejorar juntos. Sus respuestas se guardan " +
    "a medida que avanza.",
  attestation:
    "Confirmo que las respuestas anteriores son verdaderas y completas según mi leal saber y entender, y que estoy " +
    "autorizado/a para darlas en nombre del proveedor.",
  sections: {
    profile: { title: "Perfil de la empresa y del centro" },
    workforce: { title: "Vulnerabilidad de la plantilla" },
    policies: { title: "Políticas" },
    recruitment: { title: "Contratación y comisiones" },
    contracts: { title: "Contratos" },
    documents: { title: "Documentos de identidad" },
    movement: { title: "Libertad de movimiento" },
    wages: { title: "Salarios" },
    hours: { title: "Jornada laboral" },
    grievance: { title: "Quejas y voz de los trabajadores" },
    "sub-suppliers": { title: "Subproveedores" },
    audits: { title: "Auditorías y certificaciones" },
    incidents: { title: "Incidentes y reparación" },
    declaration: { title: "Declaración" },
  },
  questions: {
    P1: {
      text: "¿Cuántas personas trabajan en el centro, incluidos los trabajadores de agencia y de temporada?",
      help: "Cuente a todas las personas que trabajaron en el centro durante el último mes.",
      unit: "trabajadores",
    },
    P2: { text: "¿Qué productos o servicios fabrica o presta el centro para nosotros?" },
    P3: {
      text: "¿Qué tipo de centro es?",
      options: {
        factory: "Fábrica o taller",
        farm: "Granja o plantación",
        fishing: "Buque pesquero o procesamiento de productos del mar",
        mine: "Mina o cantera",
        construction: "Obra de construcción",
        warehouse: "Almacén o logística",
        other: "Otro",
      },
    },
    P4: {
      text: "¿Qué tipos de empleo se utilizan en el centro?",
      help: "Seleccione todas las opciones que correspondan.",
      options: {
        permanent: "Indefinido",
        "fixed-term": "Temporal (plazo fijo)",
        seasonal: "De temporada",
        agency: "A través de una agencia o proveedor de mano de obra",
        day: "Jornaleros o trabajo a destajo",
        trainees: "Aprendices o becarios",
        homeworkers: "Trabajadores a domicilio",
      },
    },
    W1: { text: "¿Qué proporción de los trabajadores procede de otra región de su país?" },
    W2: { text: "¿Qué proporción de los trabajadores procede de otro país?" },
    W3: {
      text: "¿Qué proporción de los trabajadores está empleada a través de una agencia o proveedor de mano de obra?",
    },
    W4: {
      text: "¿Algún trabajador vive en un alojamiento proporcionado por usted o por un proveedor de mano de obra?",
    },
    W5: {
      text: "¿El alojamiento cumple las normas legales de espacio, saneamiento, seguridad y privacidad?",
    },
    W6: { text: "¿Pueden los trabajadores elegir vivir en otro lugar sin perder salario ni su empleo?" },
    PO1: {
      text: "¿Tiene una política escrita que prohíba el trabajo forzoso, en servidumbre, penitenciario y el procedente de la trata de personas?",
      evidenceRequest: "Suba la política.",
    },
    PO2: {
      text: "¿La política se aplica también a sus reclutadores, proveedores de mano de obra y subproveedores?",
    },
    PO3: {
      text: "¿Se ha comprometido por escrito a que los trabajadores nunca paguen por su contratación (principio de «el empleador paga»)?",
      evidenceRequest: "Suba su política sobre comisiones de contratación.",
    },
    PO4: {
      text: "¿Tiene un procedimiento disciplinario escrito que prohíba los castigos físicos, las amenazas y las multas?",
      evidenceRequest: "Suba el procedimiento disciplinario.",
    },
    R1: {
      text: "¿Utiliza reclutadores, agencias o proveedores de mano de obra para encontrar o emplear trabajadores?",
    },
    R2: {
      text: "¿Todos ellos tienen licencia y un contrato escrito con usted?",
      evidenceRequest: "Suba un contrato con uno de sus reclutadores.",
    },
    R3: {
      text: "¿Algún trabajador ha pagado una comisión, depósito o gasto para conseguir su empleo, a usted o a cualquier otra persona?",
      help: "Incluya los gastos de viaje, visado, exámenes médicos y formación cobrados al trabajador.",
    },
    R4: {
      text: "¿Cuál es el importe más alto que ha pagado un trabajador, en dólares estadounidenses?",
      unit: "USD",
    },
    R5: {
      text: "¿Se han devuelto íntegramente estas comisiones y gastos a los trabajadores?",
      evidenceRequest: "Suba el comprobante del reembolso.",
    },
    R6: {
      text: "¿Usted o un proveedor de mano de obra prestan dinero o dan anticipos de salario a los trabajadores?",
    },
    R7: {
      text: "¿Puede un trabajador dejar el empleo antes de devolver un préstamo o anticipo, sin penalización?",
    },
    C1: {
      text: "¿Recibe cada trabajador un contrato escrito, en un idioma que entienda, antes de empezar a trabajar?",
      evidenceRequest: "Suba un modelo de contrato sin datos personales.",
    },
    C2: {
      text: "¿Los trabajadores contratados en el extranjero firman su contrato antes de salir de su país, con las mismas condiciones a su llegada?",
    },
    C3: { text: "¿El contrato indica el salario, el horario, las deducciones y el plazo de preaviso?" },
    I1: {
      text: "¿El centro, o alguien que actúe en su nombre, retiene el pasaporte o documento de identidad original de algún trabajador?",
      help: "Responda Sí aunque los trabajadores lo hayan aceptado o sea para su custodia.",
    },
    I2: {
      text: "¿Disponen los trabajadores de un lugar con cerradura para sus documentos que solo ellos controlan?",
    },
    I3: {
      text: "¿Alguno de sus reclutadores o proveedores de mano de obra retiene documentos de identidad de los trabajadores?",
    },
    F1: {
      text: "¿Pueden los trabajadores salir libremente del lugar de trabajo y de su alojamiento fuera del horario laboral?",
    },
    F2: {
      text: "¿Pueden los trabajadores renunciar con un preaviso razonable, sin multas ni perder el salario que se les debe?",
    },
    F3: { text: "¿Con cuántos días de antelación debe avisar un trabajador para renunciar?", unit: "días" },
    F4: {
      text: "¿Se cierra el alojamiento con llave por la noche, o hay un toque de queda que los trabajadores no pueden rechazar?",
    },
    F5: {
      text: "¿Pueden los trabajadores tener su propio teléfono y comunicarse libremente con familiares y amigos?",
    },
    WG1: {
      text: "¿Se retiene, retrasa o descuenta algún salario por gastos de contratación, depósitos o multas?",
      help: "Los impuestos y las cotizaciones sociales exigidos por la ley no cuentan.",
    },
    WG2: {
      text: "¿Todos los trabajadores cobran al menos el salario mínimo legal por la jornada ordinaria?",
    },
    WG3: {
      text: "¿Con qué frecuencia se paga a los trabajadores?",
      options: {
        weekly: "Semanalmente",
        fortnightly: "Cada dos semanas",
        monthly: "Mensualmente",
        "less-often": "Con menor frecuencia que una vez al mes",
      },
    },
    WG4: {
      text: "¿Se paga el salario directamente a cada trabajador, y no a un reclutador, supervisor o familiar?",
    },
    WG5: {
      text: "¿Recibe cada trabajador una nómina, en un idioma que entienda, cada día de pago?",
      evidenceRequest: "Suba un modelo de nómina sin datos personales.",
    },
    WG6: {
      text: "¿Se descuentan del salario gastos como alojamiento, comida, transporte, herramientas o uniformes?",
    },
    WG7: {
      text: "¿Cuál es la mayor proporción del salario mensual de un trabajador que se descuenta por estos gastos?",
    },
    H1: {
      text: "¿Cuál es la jornada semanal media por trabajador, incluidas las horas extra, en el mes de mayor actividad?",
      help: "Normas de la OIT: 48 horas ordinarias y 60 en total con las horas extra.",
      unit: "horas por semana",
    },
    H2: {
      text: "¿Cuál fue el máximo de horas que trabajó cualquier trabajador en una sola semana en los últimos 12 meses?",
      unit: "horas",
    },
    H3: {
      text: "¿Pueden los trabajadores rechazar las horas extra sin penalización, y se pagan las horas extra con recargo?",
    },
    H4: { text: "¿Tiene cada trabajador al menos un día libre de cada siete?" },
    G1: {
      text: "¿Pueden los trabajadores presentar quejas de forma anónima, en su propio idioma y sin temor a represalias?",
      evidenceRequest:
        "Suba una descripción o una foto de cómo se informa a los trabajadores sobre este canal.",
    },
    G2: {
      text: "¿Cuántas quejas se presentaron en los últimos 12 meses?",
      help: "Cero puede ser una señal de que los trabajadores no confían en el canal.",
      unit: "quejas",
    },
    G3: {
      text: "En los últimos 12 meses, ¿alguien ha amenazado a los trabajadores con el despido, la violencia o la denuncia ante las autoridades para obligarlos a trabajar o a quedarse?",
    },
    G4: {
      text: "¿Algún trabajador ha sido golpeado, acosado sexualmente o privado de comida, agua o pausas para ir al baño como castigo?",
    },
    G5: {
      text: "¿Están los trabajadores representados por un sindicato o por un comité de trabajadores elegido libremente?",
    },
    S1: {
      text: "¿Sus contratos exigen a sus propios proveedores y proveedores de mano de obra que cumplan estas normas?",
      evidenceRequest: "Suba su código de conducta para proveedores o la cláusula contractual.",
    },
    S2: {
      text: "¿Alguno de sus materiales procede de los siguientes orígenes?",
      help: "Seleccione todas las opciones que correspondan.",
      options: {
        xinjiang: "La Región Autónoma Uigur de Xinjiang (China)",
        ilab: "Un producto y país de la lista de trabajo forzoso de ILAB (EE. UU.)",
        seafood: "Productos del mar de flotas pesqueras de altura",
        none: "Ninguno de ellos",
        unknown: "No lo sabemos",
      },
    },
    S3: {
      text: "¿Comprueba si hay trabajo forzoso en sus principales proveedores, con cuestionarios o auditorías?",
    },
    A1: {
      text: "¿Qué esquema se utilizó en la auditoría social más reciente del centro?",
      options: {
        smeta: "SMETA",
        "amfori-bsci": "amfori BSCI",
        rba: "RBA",
        sa8000: "SA8000",
        other: "Otro esquema",
        none: "Ninguna auditoría social en los últimos 3 años",
      },
    },
    A2: { text: "¿En qué fecha se realizó la auditoría?" },
    A3: {
      text: "¿Cuántas no conformidades de esa auditoría siguen abiertas?",
      unit: "no conformidades abiertas",
    },
    A4: { text: "Suba el informe de auditoría." },
    X1: {
      text: "En los últimos 24 meses, ¿se detectó trabajo forzoso o infantil en sus operaciones o en su cadena de suministro?",
    },
    X2: { text: "¿Qué se detectó y qué hicieron al respecto?" },
    X3: {
      text: "¿Recibieron los trabajadores afectados una reparación, como la devolución de comisiones o documentos o el pago de salarios?",
      evidenceRequest: "Suba pruebas de la reparación, como los registros de reembolso.",
    },
    D1: { text: "¿Quién preparó estas respuestas?" },
    D2: { text: "¿Cuál es su cargo?" },
  },
};
