import type { TemplateTranslation } from "../../model";

/** French ("vous"). */
export const FR: TemplateTranslation = {
  title: "Auto-évaluation sur le travail forcé",
  intro:
    "Cette auto-évaluation porte sur la manière dont les travailleurs de votre site sont recrutés, employés, payés " +
    "et logés. Elle couvre les onze indicateurs du travail forcé de l'OIT. Répondez pour le site qui fabrique nos " +
    "produits. Si une pratique n'est pas encore en place, dites-le : des réponses sincères nous permettent de " +
    "progresser ensemble. Vos réponses sont enregistrées au fur et à mesure.",
  attestation:
    "Je confirme que les réponses ci-dessus sont exactes et complètes à ma connaissance, et que je suis habilité(e) " +
    "à les donner au nom du fournisseur.",
  sections: {
    profile: { title: "Profil de l'entreprise et du site" },
    workforce: { title: "Vulnérabilité de la main-d'œuvre" },
    policies: { title: "Politiques" },
    recruitment: { title: "Recrutement et frais" },
    contracts: { title: "Contrats" },
    documents: { title: "Documents d'identité" },
    movement: { title: "Liberté de mouvement" },
    wages: { title: "Salaires" },
    hours: { title: "Temps de travail" },
    grievance: { title: "Réclamations et expression des travailleurs" },
    "sub-suppliers": { title: "Sous-traitants et fournisseurs" },
    audits: { title: "Audits et certifications" },
    incidents: { title: "Incidents et réparation" },
    declaration: { title: "Déclaration" },
  },
  questions: {
    P1: {
      text: "Combien de personnes travaillent sur le site, y compris les intérimaires et les saisonniers ?",
      help: "Comptez toutes les personnes ayant travaillé sur le site au cours du dernier mois.",
      unit: "travailleurs",
    },
    P2: { text: "Quels produits ou services le site fabrique-t-il ou fournit-il pour nous ?" },
    P3: {
      text: "De quel type de site s'agit-il ?",
      options: {
        factory: "Usine ou atelier",
        farm: "Exploitation agricole ou plantation",
        fishing: "Navire de pêche ou transformation des produits de la mer",
        mine: "Mine ou carrière",
        construction: "Chantier de construction",
        warehouse: "Entrepôt ou logistique",
        other: "Autre",
      },
    },
    P4: {
      text: "Quels types d'emploi sont utilisés sur le site ?",
      help: "Cochez toutes les réponses qui s'appliquent.",
      options: {
        permanent: "Contrat à durée indéterminée",
        "fixed-term": "Contrat à durée déterminée",
        seasonal: "Saisonnier",
        agency: "Intérim ou prestataire de main-d'œuvre",
        day: "Journaliers ou travail à la pièce",
        trainees: "Apprentis ou stagiaires",
        homeworkers: "Travailleurs à domicile",
      },
    },
    W1: { text: "Quelle part des travailleurs vient d'une autre région de votre pays ?" },
    W2: { text: "Quelle part des travailleurs vient d'un autre pays ?" },
    W3: {
      text: "Quelle part des travailleurs est employée par une agence d'intérim ou un prestataire de main-d'œuvre ?",
    },
    W4: {
      text: "Des travailleurs vivent-ils dans un logement fourni par vous ou par un prestataire de main-d'œuvre ?",
    },
    W5: {
      text: "Le logement respecte-t-il les normes légales d'espace, d'hygiène, de sécurité et d'intimité ?",
    },
    W6: {
      text: "Les travailleurs peuvent-ils choisir de vivre ailleurs sans perdre de salaire ni leur emploi ?",
    },
    PO1: {
      text: "Disposez-vous d'une politique écrite interdisant le travail forcé, la servitude pour dettes, le travail pénitentiaire et la traite des êtres humains ?",
      evidenceRequest: "Téléversez la politique.",
    },
    PO2: {
      text: "Cette politique s'applique-t-elle aussi à vos recruteurs, prestataires de main-d'œuvre et sous-traitants ?",
    },
    PO3: {
      text: "Vous êtes-vous engagé par écrit à ce que les travailleurs ne paient jamais leur recrutement (principe « l'employeur paie ») ?",
      evidenceRequest: "Téléversez votre politique sur les frais de recrutement.",
    },
    PO4: {
      text: "Disposez-vous d'une procédure disciplinaire écrite qui interdit les châtiments corporels, les menaces et les amendes ?",
      evidenceRequest: "Téléversez la procédure disciplinaire.",
    },
    R1: {
      text: "Faites-vous appel à des recruteurs, des agences ou des prestataires de main-d'œuvre pour trouver ou employer des travailleurs ?",
    },
    R2: {
      text: "Sont-ils tous agréés et liés à vous par un contrat écrit ?",
      evidenceRequest: "Téléversez un contrat conclu avec l'un de vos recruteurs.",
    },
    R3: {
      text: "Un travailleur a-t-il payé des frais, une caution ou des coûts pour obtenir son emploi, à vous ou à quiconque ?",
      help: "Incluez les frais de voyage, de visa, d'examens médicaux et de formation facturés au travailleur.",
    },
    R4: {
      text: "Quel est le montant le plus élevé payé par un travailleur, en dollars américains ?",
      unit: "USD",
    },
    R5: {
      text: "Ces frais et coûts ont-ils été intégralement remboursés aux travailleurs ?",
      evidenceRequest: "Téléversez une preuve du remboursement.",
    },
    R6: {
      text: "Vous ou un prestataire de main-d'œuvre prêtez-vous de l'argent ou accordez-vous des avances sur salaire aux travailleurs ?",
    },
    R7: {
      text: "Un travailleur peut-il quitter son emploi avant d'avoir remboursé un prêt ou une avance, sans pénalité ?",
    },
    C1: {
      text: "Chaque travailleur reçoit-il un contrat écrit, dans une langue qu'il comprend, avant de commencer à travailler ?",
      evidenceRequest: "Téléversez un modèle de contrat sans données personnelles.",
    },
    C2: {
      text: "Les travailleurs recrutés à l'étranger signent-ils leur contrat avant de quitter leur pays, avec les mêmes conditions à l'arrivée ?",
    },
    C3: { text: "Le contrat précise-t-il le salaire, les horaires, les retenues et le délai de préavis ?" },
    I1: {
      text: "Le site, ou toute personne agissant pour son compte, conserve-t-il le passeport ou la pièce d'identité originale d'un travailleur ?",
      help: "Répondez Oui même si les travailleurs y ont consenti ou s'il s'agit de les garder en sécurité.",
    },
    I2: {
      text: "Les travailleurs disposent-ils d'un rangement fermant à clé pour leurs documents, dont eux seuls ont le contrôle ?",
    },
    I3: {
      text: "L'un de vos recruteurs ou prestataires de main-d'œuvre conserve-t-il des pièces d'identité de travailleurs ?",
    },
    F1: {
      text: "Les travailleurs peuvent-ils quitter librement le lieu de travail et leur logement en dehors des heures de travail ?",
    },
    F2: {
      text: "Les travailleurs peuvent-ils démissionner avec un préavis raisonnable, sans amende et sans perdre le salaire qui leur est dû ?",
    },
    F3: {
      text: "Combien de jours de préavis un travailleur doit-il donner pour démissionner ?",
      unit: "jours",
    },
    F4: { text: "Le logement est-il fermé à clé la nuit, ou un couvre-feu est-il imposé aux travailleurs ?" },
    F5: {
      text: "Les travailleurs peuvent-ils garder leur propre téléphone et contacter librement leur famille et leurs amis ?",
    },
    WG1: {
      text: "Des salaires sont-ils retenus, versés en retard ou amputés pour des frais de recrutement, des cautions ou des amendes ?",
      help: "Les impôts et cotisations sociales prévus par la loi ne comptent pas.",
    },
    WG2: {
      text: "Tous les travailleurs perçoivent-ils au moins le salaire minimum légal pour les heures normales ?",
    },
    WG3: {
      text: "À quelle fréquence les travailleurs sont-ils payés ?",
      options: {
        weekly: "Chaque semaine",
        fortnightly: "Toutes les deux semaines",
        monthly: "Chaque mois",
        "less-often": "Moins d'une fois par mois",
      },
    },
    WG4: {
      text: "Les salaires sont-ils versés directement à chaque travailleur, et non à un recruteur, un superviseur ou un proche ?",
    },
    WG5: {
      text: "Chaque travailleur reçoit-il un bulletin de paie, dans une langue qu'il comprend, à chaque paie ?",
      evidenceRequest: "Téléversez un modèle de bulletin de paie sans données personnelles.",
    },
    WG6: {
      text: "Des frais de logement, de nourriture, de transport, d'outils ou d'uniformes sont-ils retenus sur les salaires ?",
    },
    WG7: {
      text: "Quelle est la plus grande part du salaire mensuel d'un travailleur retenue pour ces frais ?",
    },
    H1: {
      text: "Quelle est la durée hebdomadaire moyenne de travail par travailleur, heures supplémentaires comprises, pendant le mois le plus chargé ?",
      help: "Normes de l'OIT : 48 heures normales, 60 heures au total avec les heures supplémentaires.",
      unit: "heures par semaine",
    },
    H2: {
      text: "Quel est le nombre maximal d'heures effectuées par un travailleur en une seule semaine au cours des 12 derniers mois ?",
      unit: "heures",
    },
    H3: {
      text: "Les travailleurs peuvent-ils refuser les heures supplémentaires sans pénalité, et celles-ci sont-elles payées à un taux majoré ?",
    },
    H4: { text: "Chaque travailleur a-t-il au moins un jour de repos tous les sept jours ?" },
    G1: {
      text: "Les travailleurs peuvent-ils déposer des réclamations anonymement, dans leur propre langue, sans crainte de représailles ?",
      evidenceRequest:
        "Téléversez une description ou une photo de la manière dont les travailleurs sont informés de ce canal.",
    },
    G2: {
      text: "Combien de réclamations ont été déposées au cours des 12 derniers mois ?",
      help: "Zéro peut indiquer que les travailleurs n'ont pas confiance dans le canal.",
      unit: "réclamations",
    },
    G3: {
      text: "Au cours des 12 derniers mois, quelqu'un a-t-il menacé des travailleurs de licenciement, de violences ou de dénonciation aux autorités pour les forcer à travailler ou à rester ?",
    },
    G4: {
      text: "Un travailleur a-t-il été frappé, harcelé sexuellement, ou privé de nourriture, d'eau ou de pauses toilettes en guise de punition ?",
    },
    G5: {
      text: "Les travailleurs sont-ils représentés par un syndicat ou un comité de travailleurs librement élu ?",
    },
    S1: {
      text: "Vos contrats obligent-ils vos propres fournisseurs et prestataires de main-d'œuvre à respecter ces normes ?",
      evidenceRequest: "Téléversez votre code de conduite fournisseurs ou la clause contractuelle.",
    },
    S2: {
      text: "Certaines de vos matières proviennent-elles des origines suivantes ?",
      help: "Cochez toutes les réponses qui s'appliquent.",
      options: {
        xinjiang: "La région autonome ouïghoure du Xinjiang (Chine)",
        ilab: "Un couple produit-pays de la liste du travail forcé de l'ILAB (États-Unis)",
        seafood: "Des produits de la mer issus de flottes de pêche hauturière",
        none: "Aucune de ces origines",
        unknown: "Nous ne savons pas",
      },
    },
    S3: {
      text: "Vérifiez-vous l'absence de travail forcé chez vos principaux fournisseurs, par des questionnaires ou des audits ?",
    },
    A1: {
      text: "Quel référentiel a été utilisé pour le dernier audit social du site ?",
      options: {
        smeta: "SMETA",
        "amfori-bsci": "amfori BSCI",
        rba: "RBA",
        sa8000: "SA8000",
        other: "Autre référentiel",
        none: "Aucun audit social au cours des 3 dernières années",
      },
    },
    A2: { text: "À quelle date l'audit a-t-il eu lieu ?" },
    A3: {
      text: "Combien de non-conformités de cet audit sont encore ouvertes ?",
      unit: "non-conformités ouvertes",
    },
    A4: { text: "Téléversez le rapport d'audit." },
    X1: {
      text: "Au cours des 24 derniers mois, du travail forcé ou du travail des enfants a-t-il été découvert dans vos activités ou votre chaîne d'approvisionnement ?",
    },
    X2: { text: "Qu'a-t-on découvert, et qu'avez-vous fait ?" },
    X3: {
      text: "Les travailleurs concernés ont-ils obtenu réparation, par exemple le remboursement des frais, la restitution des documents ou le paiement des salaires ?",
      evidenceRequest: "Téléversez une preuve de la réparation, comme les justificatifs de remboursement.",
    },
    D1: { text: "Qui a préparé ces réponses ?" },
    D2: { text: "Quelle est sa fonction ?" },
  },
};
