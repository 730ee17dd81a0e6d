import type { TemplateTranslation } from "../../model";

/** Portuguese (wording understood in Brazil and Portugal; "você" avoided where possible). */
export const PT: TemplateTranslation = {
  title: "Autoavaliação sobre trabalho forçado",
  intro:
    "Esta autoavaliação pergunta como os trabalhadores da sua unidade são recrutados, empregados, pagos e alojados. " +
    "Ela abrange os onze indicadores de trabalho forçado da OIT. Responda pela unidade que fabrica os nossos " +
    "produtos. Se algo ainda não for a prática, diga-o: respostas sinceras permitem-nos melhorar juntos. As suas " +
    "respostas são guardadas automaticamente.",
  attestation:
    "Confirmo que as respostas acima são verdadeiras e completas, tanto quanto é do meu conhecimento, e que estou " +
    "autorizado(a) a prestá-las em nome do fornecedor.",
  sections: {
    profile: { title: "Perfil da empresa e da unidade" },
    workforce: { title: "Vulnerabilidade da força de trabalho" },
    policies: { title: "Políticas" },
    recruitment: { title: "Recrutamento e taxas" },
    contracts: { title: "Contratos" },
    documents: { title: "Documentos de identidade" },
    movement: { title: "Liberdade de circulação" },
    wages: { title: "Salários" },
    hours: { title: "Jornada de trabalho" },
    grievance: { title: "Reclamações e voz dos trabalhadores" },
    "sub-suppliers": { title: "Subfornecedores" },
    audits: { title: "Auditorias e certificações" },
    incidents: { title: "Incidentes e remediação" },
    declaration: { title: "Declaração" },
  },
  questions: {
    P1: {
      text: "Quantas pessoas trabalham na unidade, incluindo trabalhadores temporários de agência e sazonais?",
      help: "Conte todas as pessoas que trabalharam na unidade no último mês.",
      unit: "trabalhadores",
    },
    P2: { text: "Que produtos ou serviços a unidade fabrica ou presta para nós?" },
    P3: {
      text: "Que tipo de unidade é?",
      options: {
        factory: "Fábrica ou oficina",
        farm: "Fazenda ou plantação",
        fishing: "Embarcação de pesca ou processamento de pescado",
        mine: "Mina ou pedreira",
        construction: "Obra de construção",
        warehouse: "Armazém ou logística",
        other: "Outro",
      },
    },
    P4: {
      text: "Que formas de contratação são usadas na unidade?",
      help: "Selecione todas as opções aplicáveis.",
      options: {
        permanent: "Contrato por tempo indeterminado",
        "fixed-term": "Contrato a termo (prazo determinado)",
        seasonal: "Sazonal",
        agency: "Por agência ou fornecedor de mão de obra",
        day: "Diaristas ou trabalho por produção",
        trainees: "Aprendizes ou estagiários",
        homeworkers: "Trabalhadores no domicílio",
      },
    },
    W1: { text: "Que proporção dos trabalhadores vem de outra região do seu país?" },
    W2: { text: "Que proporção dos trabalhadores vem de outro país?" },
    W3: {
      text: "Que proporção dos trabalhadores é contratada por meio de uma agência ou fornecedor de mão de obra?",
    },
    W4: {
      text: "Algum trabalhador vive em alojamento fornecido pela empresa ou por um fornecedor de mão de obra?",
    },
    W5: { text: "O alojamento cumpre as normas legais de espaço, saneamento, segurança e privacidade?" },
    W6: { text: "Os trabalhadores podem optar por morar noutro lugar sem perder salário nem o emprego?" },
    PO1: {
      text: "Existe uma política escrita que proíba o trabalho forçado, a servidão por dívida, o trabalho prisional e o trabalho resultante do tráfico de pessoas?",
      evidenceRequest: "Envie a política.",
    },
    PO2: {
      text: "A política também se aplica aos seus recrutadores, fornecedores de mão de obra e subfornecedores?",
    },
    PO3: {
      text: "A empresa comprometeu-se por escrito a que os trabalhadores nunca paguem pelo seu recrutamento (princípio «o empregador paga»)?",
      evidenceRequest: "Envie a sua política sobre taxas de recrutamento.",
    },
    PO4: {
      text: "Existe um procedimento disciplinar escrito que proíba castigos físicos, ameaças e multas?",
      evidenceRequest: "Envie o procedimento disciplinar.",
    },
    R1: {
      text: "A empresa usa recrutadores, agências ou fornecedores de mão de obra para encontrar ou contratar trabalhadores?",
    },
    R2: {
      text: "Todos eles são licenciados e têm um contrato escrito com a empresa?",
      evidenceRequest: "Envie um contrato com um dos seus recrutadores.",
    },
    R3: {
      text: "Algum trabalhador pagou uma taxa, caução ou custo para conseguir o emprego, à empresa ou a qualquer outra pessoa?",
      help: "Inclua custos de viagem, visto, exames médicos e formação cobrados ao trabalhador.",
    },
    R4: { text: "Qual é o valor mais alto pago por um trabalhador, em dólares americanos?", unit: "USD" },
    R5: {
      text: "Essas taxas e custos foram integralmente reembolsados aos trabalhadores?",
      evidenceRequest: "Envie o comprovante do reembolso.",
    },
    R6: {
      text: "A empresa ou um fornecedor de mão de obra empresta dinheiro ou dá adiantamentos salariais aos trabalhadores?",
    },
    R7: {
      text: "Um trabalhador pode deixar o emprego antes de pagar um empréstimo ou adiantamento, sem penalização?",
    },
    C1: {
      text: "Cada trabalhador recebe um contrato escrito, numa língua que entende, antes de começar a trabalhar?",
      evidenceRequest: "Envie um modelo de contrato sem dados pessoais.",
    },
    C2: {
      text: "Os trabalhadores recrutados no estrangeiro assinam o contrato antes de sair do seu país, com as mesmas condições à chegada?",
    },
    C3: { text: "O contrato indica o salário, o horário, os descontos e o prazo de aviso prévio?" },
    I1: {
      text: "A unidade, ou alguém que atue em seu nome, retém o passaporte ou documento de identidade original de algum trabalhador?",
      help: "Responda Sim mesmo que os trabalhadores tenham concordado ou que seja para guarda.",
    },
    I2: {
      text: "Os trabalhadores têm um local com fechadura para os seus documentos, controlado apenas por eles?",
    },
    I3: {
      text: "Algum dos seus recrutadores ou fornecedores de mão de obra retém documentos de identidade de trabalhadores?",
    },
    F1: {
      text: "Os trabalhadores podem sair livremente do local de trabalho e do alojamento fora do horário de trabalho?",
    },
    F2: {
      text: "Os trabalhadores podem demitir-se com aviso prévio razoável, sem multa e sem perder o salário que lhes é devido?",
    },
    F3: {
      text: "Com quantos dias de antecedência um trabalhador deve avisar para se demitir?",
      unit: "dias",
    },
    F4: {
      text: "O alojamento é trancado à noite, ou há um toque de recolher que os trabalhadores não podem recusar?",
    },
    F5: {
      text: "Os trabalhadores podem ficar com os próprios telefones e contactar livremente a família e os amigos?",
    },
    WG1: {
      text: "Algum salário é retido, atrasado ou descontado por custos de recrutamento, cauções ou multas?",
      help: "Impostos e contribuições para a segurança social exigidos por lei não contam.",
    },
    WG2: { text: "Todos os trabalhadores recebem pelo menos o salário mínimo legal pela jornada normal?" },
    WG3: {
      text: "Com que frequência os trabalhadores são pagos?",
      options: {
        weekly: "Semanalmente",
        fortnightly: "Quinzenalmente",
        monthly: "Mensalmente",
        "less-often": "Menos de uma vez por mês",
      },
    },
    WG4: {
      text: "Os salários são pagos diretamente a cada trabalhador, e não a um recrutador, supervisor ou familiar?",
    },
    WG5: {
      text: "Cada trabalhador recebe um recibo de vencimento (holerite), numa língua que entende, em cada pagamento?",
      evidenceRequest: "Envie um modelo de recibo de vencimento sem dados pessoais.",
    },
    WG6: {
      text: "Custos como alojamento, alimentação, transporte, ferramentas ou uniformes são descontados dos salários?",
    },
    WG7: { text: "Qual é a maior parte do salário mensal de um trabalhador descontada por esses custos?" },
    H1: {
      text: "Qual é a média de horas semanais trabalhadas por trabalhador, incluindo horas extras, no mês de maior atividade?",
      help: "Normas da OIT: 48 horas normais, 60 no total incluindo horas extras.",
      unit: "horas por semana",
    },
    H2: {
      text: "Qual foi o maior número de horas que um trabalhador trabalhou numa única semana nos últimos 12 meses?",
      unit: "horas",
    },
    H3: {
      text: "Os trabalhadores podem recusar horas extras sem penalização, e as horas extras são pagas com acréscimo?",
    },
    H4: { text: "Cada trabalhador tem pelo menos um dia de folga em cada sete dias?" },
    G1: {
      text: "Os trabalhadores podem apresentar reclamações de forma anónima, na sua própria língua, sem medo de represálias?",
      evidenceRequest:
        "Envie uma descrição ou foto de como os trabalhadores são informados sobre este canal.",
    },
    G2: {
      text: "Quantas reclamações foram apresentadas nos últimos 12 meses?",
      help: "Zero pode ser sinal de que os trabalhadores não confiam no canal.",
      unit: "reclamações",
    },
    G3: {
      text: "Nos últimos 12 meses, alguém ameaçou trabalhadores com demissão, violência ou denúncia às autoridades para os obrigar a trabalhar ou a ficar?",
    },
    G4: {
      text: "Algum trabalhador foi agredido, assediado sexualmente ou privado de comida, água ou idas ao banheiro como castigo?",
    },
    G5: {
      text: "Os trabalhadores são representados por um sindicato ou por uma comissão de trabalhadores livremente eleita?",
    },
    S1: {
      text: "Os seus contratos exigem que os seus próprios fornecedores e fornecedores de mão de obra cumpram estas normas?",
      evidenceRequest: "Envie o seu código de conduta para fornecedores ou a cláusula contratual.",
    },
    S2: {
      text: "Algum dos seus materiais provém das seguintes origens?",
      help: "Selecione todas as opções aplicáveis.",
      options: {
        xinjiang: "A Região Autónoma Uigur de Xinjiang (China)",
        ilab: "Um produto e país da lista de trabalho forçado do ILAB (EUA)",
        seafood: "Pescado de frotas de pesca de longo curso",
        none: "Nenhuma destas",
        unknown: "Não sabemos",
      },
    },
    S3: {
      text: "A empresa verifica a existência de trabalho forçado nos seus principais fornecedores, com questionários ou auditorias?",
    },
    A1: {
      text: "Que esquema foi usado na auditoria social mais recente da unidade?",
      options: {
        smeta: "SMETA",
        "amfori-bsci": "amfori BSCI",
        rba: "RBA",
        sa8000: "SA8000",
        other: "Outro esquema",
        none: "Nenhuma auditoria social nos últimos 3 anos",
      },
    },
    A2: { text: "Em que data foi realizada a auditoria?" },
    A3: {
      text: "Quantas não conformidades dessa auditoria continuam em aberto?",
      unit: "não conformidades em aberto",
    },
    A4: { text: "Envie o relatório de auditoria." },
    X1: {
      text: "Nos últimos 24 meses, foi encontrado trabalho forçado ou infantil nas suas operações ou na sua cadeia de fornecimento?",
    },
    X2: { text: "O que foi encontrado e o que a empresa fez a respeito?" },
    X3: {
      text: "Os trabalhadores afetados receberam reparação, como o reembolso de taxas, a devolução de documentos ou o pagamento de salários?",
      evidenceRequest: "Envie comprovantes da reparação, como registos de reembolso.",
    },
    D1: { text: "Quem preparou estas respostas?" },
    D2: { text: "Qual é o cargo dessa pessoa?" },
  },
};
