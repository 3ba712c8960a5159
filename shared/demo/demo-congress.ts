/** The demo congress: what a newcomer sees after `npm start`. Pure data. */
export interface DemoTheme {
  readonly title: string
  readonly proposals: readonly DemoProposal[]
}
export interface DemoProposal {
  readonly title: string
  readonly paragraphs: readonly string[]
}
export interface DemoCongress {
  readonly title: string
  readonly edition: number
  readonly organisation: string
  readonly place: string
  readonly date: string
  readonly preamble: readonly string[]
  readonly themes: readonly DemoTheme[]
}

export const demoCongress: DemoCongress = {
  title: '4e Congrès national des élus au numérique',
  edition: 4,
  organisation: 'Villes Internet',
  place: 'Nantes',
  date: '2026-12-03',
  preamble: [
    'Réunis en congrès national à l’initiative de l’association Villes Internet, les élus locaux en charge du numérique, maires, adjoints et conseillers communautaires de toutes les strates de collectivités, adoptent la présente motion.',
    'Le numérique est devenu le premier guichet de l’action publique locale. Il rapproche ou il exclut, il protège ou il expose, il économise ou il consomme. Les collectivités en portent chaque jour la charge, souvent sans les moyens ni le cadre qu’exige cette responsabilité.',
    'Les élus réunis adressent aux conseillers numériques du Premier ministre et du Président de la République vingt-neuf propositions, réparties en quatre questions, pour un numérique public inclusif, souverain, sobre et démocratique.',
  ],
  themes: [
    {
      title: 'Comment garantir un numérique inclusif pour tous les habitants ?',
      proposals: [
        {
          title: 'Un médiateur numérique dans chaque intercommunalité',
          paragraphs: [
            'L’État finance durablement, et non plus par appels à projets successifs, au moins un poste de médiateur numérique par intercommunalité, avec une formation certifiante commune et des missions définies avec les collectivités.',
          ],
        },
        {
          title: 'Un guichet humain garanti pour chaque démarche dématérialisée',
          paragraphs: [
            'Toute démarche administrative proposée en ligne reste accessible par un accueil physique ou téléphonique, sans surcoût ni délai supplémentaire. Ce droit est inscrit dans le code des relations entre le public et l’administration.',
          ],
        },
        {
          title: 'L’accessibilité RGAA exigée et contrôlée pour tous les services publics en ligne',
          paragraphs: [
            'Les obligations du référentiel général d’amélioration de l’accessibilité sont étendues à tous les prestataires publics. L’Arcom dispose des moyens de contrôler les sites et de publier chaque année un classement des services les moins accessibles.',
          ],
        },
        {
          title: 'Un pass numérique national pour les publics éloignés',
          paragraphs: [
            'Un pass numérique financé par l’État et distribué par les centres communaux d’action sociale permet à chaque personne éloignée du numérique de suivre gratuitement dix heures d’accompagnement dans un lieu labellisé.',
          ],
        },
        {
          title: 'Des équipements reconditionnés pour les foyers modestes',
          paragraphs: [
            'Les administrations de l’État et des collectivités confient leurs ordinateurs réformés à des structures de l’économie sociale et solidaire, qui les reconditionnent et les remettent aux foyers modestes avec une première prise en main.',
          ],
        },
        {
          title: 'La couverture mobile et fibre comme service universel',
          paragraphs: [
            'L’accès à un très haut débit fixe et à une couverture mobile de qualité est reconnu comme un service universel. Les zones blanches restantes sont résorbées avant 2028 selon un calendrier public, commune par commune.',
          ],
        },
        {
          title: 'Former les agents d’accueil au numérique du quotidien',
          paragraphs: [
            'Le Centre national de la fonction publique territoriale propose à chaque agent d’accueil une formation gratuite à l’accompagnement des usagers dans leurs démarches en ligne, sur le temps de travail.',
          ],
        },
        {
          title: 'Mesurer l’illectronisme à l’échelle de chaque territoire',
          paragraphs: [
            'L’Insee publie tous les trois ans un indicateur d’illectronisme à l’échelle intercommunale, afin que les collectivités orientent leurs moyens vers les quartiers et les villages qui en ont le plus besoin.',
          ],
        },
      ],
    },
    {
      title: 'Comment assurer la souveraineté et la sécurité numériques des territoires ?',
      proposals: [
        {
          title: 'Un fonds de cybersécurité pour les petites collectivités',
          paragraphs: [
            'Un fonds national finance l’audit de sécurité, la sauvegarde hors ligne et la formation des agents des communes de moins de 10 000 habitants, premières victimes des rançongiciels.',
          ],
        },
        {
          title: 'Des centres régionaux de réponse aux incidents pérennisés',
          paragraphs: [
            'Les centres régionaux de réponse aux incidents cyber reçoivent un financement pluriannuel de l’État et interviennent sans frais auprès de toute collectivité attaquée, de jour comme de nuit.',
          ],
        },
        {
          title: 'La priorité au logiciel libre dans la commande publique',
          paragraphs: [
            'Le principe de priorité au logiciel libre, posé par la loi pour une République numérique, devient une obligation pour les marchés publics de logiciels, sauf justification écrite et publique.',
          ],
        },
        {
          title: 'Un hébergement souverain des données publiques locales',
          paragraphs: [
            'Les données des collectivités et de leurs habitants sont hébergées par des prestataires qualifiés SecNumCloud ou par des infrastructures publiques mutualisées, à l’abri des lois extraterritoriales.',
          ],
        },
        {
          title: 'Des opérateurs publics de services numériques mutualisés',
          paragraphs: [
            'L’État soutient les syndicats mixtes et opérateurs publics de services numériques qui mettent en commun logiciels, hébergement et compétences pour les communes qui n’ont pas de service informatique.',
          ],
        },
        {
          title: 'L’ouverture des données publiques locales accompagnée',
          paragraphs: [
            'Les collectivités de plus de 3 500 habitants, tenues d’ouvrir leurs données, reçoivent un accompagnement technique et des formats standards communs pour publier budgets, délibérations et marchés.',
          ],
        },
        {
          title: 'Un cadre éthique pour les algorithmes publics locaux',
          paragraphs: [
            'Tout algorithme qui fonde une décision individuelle d’une collectivité est publié avec ses règles, ses données d’entrée et un contact humain, et fait l’objet d’une évaluation avant sa mise en service.',
          ],
        },
      ],
    },
    {
      title: 'Comment mettre le numérique au service de la transition écologique ?',
      proposals: [
        {
          title: 'Allonger la durée de vie des équipements publics',
          paragraphs: [
            'Les collectivités et l’État s’engagent à utiliser leurs équipements au moins sept ans, à privilégier la réparation et à inscrire des critères de réparabilité et de reconditionnement dans leurs achats.',
          ],
        },
        {
          title: 'Un référentiel national d’écoconception des services publics',
          paragraphs: [
            'Le référentiel général d’écoconception de services numériques devient opposable aux services publics en ligne. Chaque nouveau service publie son bilan environnemental avant son ouverture.',
          ],
        },
        {
          title: 'Des stratégies locales de sobriété numérique soutenues',
          paragraphs: [
            'Les stratégies numériques responsables que la loi impose aux communes de plus de 50 000 habitants sont accompagnées par l’État, avec un guide, des indicateurs communs et un appui à leur élaboration.',
          ],
        },
        {
          title: 'Valoriser la chaleur des centres de données',
          paragraphs: [
            'Tout nouveau centre de données de plus d’un mégawatt est tenu d’étudier la récupération de sa chaleur fatale au profit d’un réseau de chaleur, d’une piscine ou d’équipements publics voisins.',
          ],
        },
        {
          title: 'Des données environnementales ouvertes pour piloter la transition',
          paragraphs: [
            'Les gestionnaires de réseaux d’énergie et d’eau mettent à disposition des collectivités, gratuitement et dans des formats ouverts, les données de consommation utiles à leurs plans climat.',
          ],
        },
        {
          title: 'Des territoires connectés sobres et réversibles',
          paragraphs: [
            'Les projets de territoire connecté financés par l’État démontrent leur gain environnemental net, reposent sur des standards ouverts et restent réversibles, sans dépendance à un fournisseur unique.',
          ],
        },
        {
          title: 'Sensibiliser les élèves au numérique responsable',
          paragraphs: [
            'Les communes et l’Éducation nationale construisent ensemble des ateliers de numérique responsable dans les écoles, sur les usages, la réparation et l’impact environnemental des équipements.',
          ],
        },
      ],
    },
    {
      title: 'Comment renforcer la démocratie locale grâce au numérique ?',
      proposals: [
        {
          title: 'Des plateformes de participation citoyenne libres et mutualisées',
          paragraphs: [
            'L’État finance le développement et l’hébergement de plateformes de participation libres, que toute collectivité peut utiliser sans frais pour ses budgets participatifs et ses concertations.',
          ],
        },
        {
          title: 'La retransmission et l’archivage des conseils municipaux',
          paragraphs: [
            'Les séances des conseils municipaux et communautaires sont retransmises en direct et archivées en ligne, sous-titrées, avec le soutien technique des opérateurs publics de services numériques.',
          ],
        },
        {
          title: 'Un droit de pétition locale en ligne',
          paragraphs: [
            'Les habitants peuvent déposer en ligne une pétition demandant l’inscription d’un sujet à l’ordre du jour du conseil municipal. Au-delà d’un seuil fixé par la loi, l’inscription est de droit.',
          ],
        },
        {
          title: 'Former les élus aux enjeux du numérique',
          paragraphs: [
            'Le droit individuel à la formation des élus comprend un module sur la cybersécurité, la protection des données et la conduite des projets numériques, proposé dans les six mois qui suivent chaque élection.',
          ],
        },
        {
          title: 'Lutter contre le cyberharcèlement des élus locaux',
          paragraphs: [
            'Un point de contact national traite en moins de 48 heures les signalements de cyberharcèlement visant des élus locaux, et la protection fonctionnelle couvre expressément les attaques en ligne.',
          ],
        },
        {
          title: 'Associer les collectivités à la gouvernance du numérique public',
          paragraphs: [
            'Les associations d’élus siègent dans les instances qui décident des grands projets numériques de l’État, afin que les services nationaux soient conçus avec les collectivités qui les déploient.',
          ],
        },
        {
          title: 'Évaluer chaque année la présente motion',
          paragraphs: [
            'Les conseillers numériques du Premier ministre et du Président de la République rendent compte chaque année, devant le congrès national des élus au numérique, des suites données à ces propositions.',
          ],
        },
      ],
    },
  ],
}
