/* The five questions of the final test. `correct` is the key of the right option. */
(function (root) {
  'use strict';
  var GGZ = (root.GGZ = root.GGZ || {});
  GGZ.QUESTIONS = [
    {
      id: 'eerste_stap_spanning',
      text: 'Een cliënt loopt onrustig heen en weer over de gang, praat steeds harder en balt zijn vuisten. Wat is de beste eerste stap?',
      options: [
        { key: 'a', text: 'De cliënt direct aanspreken op zijn gedrag en de consequenties noemen.' },
        { key: 'b', text: 'Rustig contact maken, benoemen wat je ziet en vragen wat er aan de hand is.' },
        { key: 'c', text: 'Het gedrag negeren; het zakt meestal vanzelf.' }
      ],
      correct: 'b',
      explanation: 'In de fase van spanning kun je nog veel voorkomen. Contact maken, benoemen wat je ziet en vragen naar de aanleiding helpen de spanning te laten zakken.'
    },
    {
      id: 'houding_en_afstand',
      text: 'Hoe positioneer je jezelf bij een gespannen cliënt?',
      options: [
        { key: 'a', text: 'Recht tegenover de cliënt en dichtbij, zodat hij je goed kan verstaan.' },
        { key: 'b', text: 'Iets schuin, op ruime afstand, met voor jullie allebei een vrije uitweg.' },
        { key: 'c', text: 'Achter de cliënt, zodat hij zich niet aangekeken voelt.' }
      ],
      correct: 'b',
      explanation: 'Schuin staan op ruime afstand voelt minder bedreigend. Een vrije uitweg is belangrijk voor je eigen veiligheid én voor die van de cliënt.'
    },
    {
      id: 'instrumentele_agressie',
      text: 'Een cliënt dreigt met geweld als hij niet vandaag nog met verlof mag. Welke aanpak past het best?',
      options: [
        { key: 'a', text: 'Toegeven, zodat de situatie niet verder escaleert.' },
        { key: 'b', text: 'Rustig en duidelijk de grens aangeven en benoemen wat de gevolgen van geweld zijn.' },
        { key: 'c', text: 'Net zo stellig terugdreigen, zodat de cliënt ziet dat jij de baas bent.' }
      ],
      correct: 'b',
      explanation: 'Dit lijkt op instrumentele agressie: dreigen om iets te bereiken. Daarbij passen rust, een duidelijke grens en het benoemen van gevolgen, zonder zelf te dreigen. Toegeven beloont het gedrag.'
    },
    {
      id: 'deescalerend_communiceren',
      text: 'Welke reactie werkt de-escalerend?',
      options: [
        { key: 'a', text: 'In discussie gaan over wie er gelijk heeft.' },
        { key: 'b', text: 'Dreigen met maatregelen als de cliënt niet kalmeert.' },
        { key: 'c', text: 'Het gevoel van de cliënt benoemen en hem een keuze bieden.' },
        { key: 'd', text: 'Snel en veel uitleggen waarom de regel er is.' }
      ],
      correct: 'c',
      explanation: 'Gevoelens benoemen laat zien dat je de cliënt serieus neemt, en een keuze geeft hem weer wat regie. Discussiëren, dreigen en lange uitleg verhogen de spanning.'
    },
    {
      id: 'na_het_incident',
      text: 'Op je afdeling is een cliënt een collega fysiek te lijf gegaan. Wat hoort bij een goede afhandeling?',
      options: [
        { key: 'a', text: 'Doorwerken alsof er niets gebeurd is; dat is professioneel.' },
        { key: 'b', text: 'Het incident melden, collegiale opvang bieden en het later met de cliënt nabespreken.' },
        { key: 'c', text: 'Het incident met de cliënt niet meer noemen, om nieuwe spanning te voorkomen.' }
      ],
      correct: 'b',
      explanation: 'Melden maakt leren mogelijk, opvang helpt medewerkers het incident te verwerken en een nabespreking met de cliënt helpt herhaling te voorkomen, bijvoorbeeld via het signaleringsplan.'
    }
  ];
})(typeof window !== 'undefined' ? window : this);
