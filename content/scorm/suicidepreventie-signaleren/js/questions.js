/* The five quiz questions. `correct` is the letter of the right option. */
(function (root) {
  'use strict';
  var GGZ = (root.GGZ = root.GGZ || {});
  GGZ.QUESTIONS = [
    {
      id: 'signaal_uitspraak',
      text: 'Een cliënt zegt tijdens een gesprek: "Het maakt allemaal niet meer uit." Wat doe je?',
      options: [
        { key: 'a', text: 'Je gaat er niet op in, zodat je de cliënt niet op ideeën brengt.' },
        { key: 'b', text: 'Je vraagt direct of de cliënt gedachten heeft om een einde aan zijn leven te maken.' },
        { key: 'c', text: 'Je noteert het in het dossier en brengt het in bij het volgende teamoverleg.' },
        { key: 'd', text: 'Je stelt de cliënt gerust: het komt vast weer goed.' }
      ],
      correct: 'b',
      explanation: 'Een uitspraak als deze kan een signaal zijn. Vraag er direct en zonder omwegen naar; wachten tot een overleg of geruststellen sluit het gesprek juist af.'
    },
    {
      id: 'vragen_verhoogt_risico',
      text: 'Welke uitspraak over vragen naar suïcidale gedachten klopt?',
      options: [
        { key: 'a', text: 'Direct vragen verhoogt het risico, omdat je de cliënt op een idee brengt.' },
        { key: 'b', text: 'Direct vragen verhoogt het risico niet; veel cliënten ervaren het als een opluchting.' },
        { key: 'c', text: 'Je vraagt er alleen naar als de cliënt er zelf over begint.' }
      ],
      correct: 'b',
      explanation: 'Onderzoek laat zien dat vragen naar suïcidale gedachten het risico niet verhoogt. Het maakt het onderwerp bespreekbaar en opent de weg naar hulp.'
    },
    {
      id: 'signaal_plotselinge_rust',
      text: 'Welke situatie vraagt om extra alertheid op suïcidaliteit?',
      options: [
        { key: 'a', text: 'Een cliënt maakt plannen om volgende week met zijn zus te gaan wandelen.' },
        { key: 'b', text: 'Een cliënt is na een periode van grote onrust plotseling rustig en geeft spullen weg.' },
        { key: 'c', text: 'Een cliënt vraagt om een extra gesprek met zijn behandelaar.' }
      ],
      correct: 'b',
      explanation: 'Plotselinge rust na een periode van onrust, samen met afscheid nemen of spullen weggeven, kan betekenen dat iemand een besluit heeft genomen. Vraag ernaar.'
    },
    {
      id: 'veiligheidsplan_inhoud',
      text: 'Wat hoort in een veiligheidsplan?',
      options: [
        { key: 'a', text: 'Een afspraak waarin de cliënt belooft zich niets aan te doen.' },
        { key: 'b', text: 'Een risicoscore die voorspelt of de cliënt een poging zal doen.' },
        { key: 'c', text: 'De eigen waarschuwingssignalen, wat helpt, wie de cliënt kan bellen en hoe de omgeving veiliger wordt.' },
        { key: 'd', text: 'Alleen het telefoonnummer van de crisisdienst.' }
      ],
      correct: 'c',
      explanation: 'Een veiligheidsplan is een concreet stappenplan dat je samen met de cliënt opstelt. Een "no-suicide contract" biedt geen bescherming, en een score voorspelt niet wie een poging doet.'
    },
    {
      id: 'naasten_zonder_toestemming',
      text: 'De zus van een cliënt belt je ongerust op. De cliënt heeft geen toestemming gegeven om informatie met haar te delen. Wat doe je?',
      options: [
        { key: 'a', text: 'Je zegt dat je niets mag zeggen en beëindigt het gesprek.' },
        { key: 'b', text: 'Je luistert naar haar zorgen, neemt ze serieus en bespreekt met de cliënt hoe je haar kunt betrekken.' },
        { key: 'c', text: 'Je vertelt haar wat er in het behandelplan staat, omdat het om veiligheid gaat.' }
      ],
      correct: 'b',
      explanation: 'Luisteren naar naasten mag altijd: hun informatie is waardevol. Informatie delen doe je in principe met toestemming van de cliënt.'
    }
  ];
})(typeof window !== 'undefined' ? window : this);
