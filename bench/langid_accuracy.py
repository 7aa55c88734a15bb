"""Benchmark: language identification on short lines (3-12 words), and its cold start.

    python bench/langid_accuracy.py                # the held-out half (needs ../shared/data/)
    python bench/langid_accuracy.py --split tune   # the half the thresholds were tuned on
    python bench/langid_accuracy.py --baseline     # the same lines through plain langdetect
    python bench/langid_accuracy.py --errors 20    # also print up to 20 misread lines per language

Prints, for the chosen half: accuracy per supported language (nl, fr, en) on real sentences
from the CoCoA-MT training split, cut into 3-12-word lines; for the lines in other languages
(:data:`OTHER_LINES`, written by the tonelint team), the rate at which they are misread as nl, fr
or en and the rate at which they are reported as ``und``; and the time of the first detection in
a fresh process (median of 5 runs, after the import), beside plain langdetect's.

How lines are cut, deterministically: every sentence of a CoCoA-MT line (split after ``.!?``)
that has 3-12 words, plus consecutive windows of words over the whole line whose sizes cycle
through 3-12. Duplicates (formal and informal versions often share words) are dropped. The
halves are split by line number: even lines (and every sentence or window cut from them) tune,
odd lines are held out, so the formal and informal versions of one sentence always fall in the
same half; a held-out line that also occurs in the tune half is dropped. :data:`OTHER_LINES`
are split the same way by position.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
COCOA = ROOT.parent / "shared" / "data" / "cocoa-mt-train"
SUPPORTED = ("nl", "fr", "en")
SPLITS = ("tune", "heldout")
MIN_WORDS, MAX_WORDS = 3, 12

_SENTENCE_END = regex.compile(r"(?<=[.!?…])\s+")

# Short social-media lines in languages tonelint does not lint, to measure how often they are
# misread as nl, fr or en. Written by the tonelint team for this benchmark (MIT, as tonelint);
# no real posts, no copied text. Each line has 3-12 words.
OTHER_LINES: dict[str, tuple[str, ...]] = {
    "de": (
        "Wir freuen uns auf euren Besuch!",
        "Heute ist endlich unser neues Album erschienen.",
        "Vielen Dank an alle, die gestern dabei waren.",
        "Das Wetter war leider nicht so schön.",
        "Jetzt anmelden und einen Platz sichern!",
        "Habt ihr schon unseren neuen Laden gesehen?",
        "Morgen geht es los mit dem großen Sommerfest.",
        "Frohe Weihnachten und einen guten Rutsch!",
        "Wir suchen ab sofort Verstärkung für unser Team.",
        "Die Tickets sind leider schon ausverkauft.",
        "Was für ein toller Abend!",
        "Kommt vorbei und probiert unseren Kuchen.",
        "Unser Büro bleibt am Montag geschlossen.",
        "Schaut euch das Video bis zum Ende an.",
        "Ich kann es kaum erwarten.",
        "Danke für eure Unterstützung!",
        "Hier sind die Gewinner unseres Gewinnspiels.",
        "Bitte beachtet die geänderten Öffnungszeiten.",
        "Das neue Menü ist ab heute verfügbar.",
        "Wer kommt am Wochenende mit zum Markt?",
        "Wir haben eine kleine Überraschung für euch.",
        "Der Link zur Anmeldung steht in der Bio.",
        "Gute Besserung an alle Kranken da draußen.",
        "So sieht ein perfekter Sonntag aus.",
        "Es gibt noch wenige Plätze für den Workshop.",
        "Wir sind stolz auf unser ganzes Team.",
        "Leider müssen wir das Konzert verschieben.",
        "Was ist euer Lieblingsgericht im Winter?",
        "Die Bahn hat wieder Verspätung.",
        "Endlich Wochenende, endlich Zeit für Freunde.",
        "Alle Infos findet ihr auf unserer Webseite.",
        "Herzlichen Glückwunsch zum Geburtstag, lieber Peter!",
        "Wir haben heute zwanzig Bäume gepflanzt.",
        "Nicht vergessen: morgen ist der letzte Tag.",
        "Mehr dazu erfahrt ihr in unserem Blog.",
        "Ein großes Dankeschön an unsere Helfer.",
        "Wie findet ihr das neue Design?",
        "Der Eintritt ist für Kinder kostenlos.",
        "Ab nächster Woche gibt es wieder frisches Brot.",
        "Wir wünschen euch einen schönen Feiertag.",
        "Das war knapp, aber wir haben gewonnen!",
        "Kennt ihr schon unseren Podcast?",
        "Bitte teilt diesen Beitrag mit euren Freunden.",
        "Unsere Ausstellung ist noch bis Ende Mai zu sehen.",
        "Heute gibt es Kaffee und Kuchen für alle.",
        "Der Frühling ist da!",
        "Wir machen eine kurze Pause.",
        "Vielen Dank für die vielen Nachrichten.",
        "Es war mir eine große Ehre.",
        "Ab sofort im Handel erhältlich.",
        "Schreibt uns eure Fragen in die Kommentare.",
        "Die Straße ist wegen Bauarbeiten gesperrt.",
        "Wir sehen uns nächstes Jahr wieder!",
        "Zeit für ein bisschen Ruhe.",
        "Unser Team wächst weiter.",
        "Hast du Lust auf einen Ausflug?",
        "Das Spiel beginnt um acht Uhr.",
        "Bei Regen findet die Veranstaltung drinnen statt.",
        "Wir öffnen heute schon um neun.",
        "Noch drei Tage bis zum Festival!",
        "Man lernt nie aus.",
        "Ich bin so müde heute.",
        "Das Paket ist unterwegs zu dir.",
        "Wir suchen Freiwillige für das Stadtfest.",
        "Gemeinsam schaffen wir das.",
        "Ein schöner Tag am See.",
        "Die Preise gelten nur online.",
        "Welche Farbe gefällt euch am besten?",
        "Wir haben den Preis gewonnen!",
        "Sie können sich ab sofort bewerben.",
        "Leider ist die Seite gerade nicht erreichbar.",
        "Neue Woche, neue Ziele.",
        "Wir bedanken uns bei allen Sponsoren.",
        "Kinder unter sechs Jahren zahlen nichts.",
        "Das Rezept findet ihr unten.",
        "Schönes Wochenende euch allen!",
        "Heute Abend live im Radio.",
        "Wir bleiben für euch erreichbar.",
        "Die Anmeldung endet am Freitag.",
        "Ihr seid die Besten!",
    ),
    "es": (
        "¡Gracias a todos por venir!",
        "Hoy abrimos nuestra nueva tienda en el centro.",
        "No te pierdas el concierto del sábado.",
        "Estamos muy orgullosos de nuestro equipo.",
        "¿Qué os pareció el partido de ayer?",
        "Las entradas ya están a la venta.",
        "Feliz Navidad y próspero año nuevo.",
        "Buscamos personas con ganas de aprender.",
        "El evento se ha cancelado por la lluvia.",
        "Mañana hablamos de todo esto en directo.",
        "¡Qué día tan bonito!",
        "Os esperamos a partir de las ocho.",
        "Nuestra oficina estará cerrada el lunes.",
        "Mira el vídeo hasta el final.",
        "No puedo esperar más.",
        "Muchas gracias por vuestro apoyo.",
        "Estos son los ganadores del sorteo.",
        "Consulta el nuevo horario en nuestra web.",
        "El nuevo menú ya está disponible.",
        "¿Quién se apunta este fin de semana?",
        "Tenemos una sorpresa para vosotros.",
        "El enlace para inscribirse está en la bio.",
        "Así es un domingo perfecto.",
        "Quedan pocas plazas para el taller.",
        "Lamentablemente tenemos que aplazar el concierto.",
        "¿Cuál es vuestro plato favorito en invierno?",
        "El tren llega tarde otra vez.",
        "Por fin es viernes.",
        "Toda la información en nuestra página web.",
        "¡Feliz cumpleaños, querida Ana!",
        "Hoy hemos plantado veinte árboles en el parque.",
        "No olvides que mañana es el último día.",
        "Un enorme agradecimiento a todos los voluntarios.",
        "¿Qué os parece el nuevo diseño?",
        "La entrada es gratuita para los niños.",
        "Os deseamos un feliz día de fiesta.",
        "Ha sido muy difícil, pero hemos ganado.",
        "¿Ya conocéis nuestro pódcast?",
        "Comparte esta publicación con tus amigos.",
        "La exposición sigue abierta hasta finales de mayo.",
        "Hoy hay café y pastel para todos.",
        "¡Ya llegó la primavera!",
        "Nos tomamos un pequeño descanso.",
        "Ha sido un gran honor para mí.",
        "Ya a la venta en tiendas.",
        "Déjanos tus preguntas en los comentarios.",
        "La calle está cortada por obras.",
        "¡Nos vemos el año que viene!",
        "Nuestro equipo sigue creciendo.",
        "¿Te apetece una excursión?",
        "El partido empieza a las ocho.",
        "Si llueve, la actividad se hará dentro.",
        "¡Solo faltan tres días para el festival!",
        "Estoy muy cansado hoy.",
        "Tu pedido ya está en camino.",
        "Juntos lo conseguiremos.",
        "Un día precioso en la playa.",
        "Los precios solo son válidos en línea.",
        "¿Qué color os gusta más?",
        "¡Hemos ganado el premio!",
        "Puede enviar su solicitud desde hoy.",
        "La página no está disponible en este momento.",
        "Nueva semana, nuevos retos.",
        "Damos las gracias a todos nuestros patrocinadores.",
        "Los menores de seis años no pagan.",
        "Tenéis la receta aquí abajo.",
        "¡Buen fin de semana a todos!",
        "Esta noche en directo en la radio.",
        "Las inscripciones se cierran el viernes.",
        "¡Sois los mejores!",
        "Nos encanta ver vuestras fotos.",
        "Vuelve el mercadillo de los domingos.",
        "¿Dónde pasaréis las vacaciones este año?",
        "Abrimos también los domingos por la mañana.",
        "El plazo termina la semana que viene.",
        "Gracias por esperar.",
        "Esto es solo el principio.",
        "Hace mucho calor hoy en Madrid.",
        "Hemos renovado la cocina por completo.",
        "Cuéntanos tu experiencia con nosotros.",
    ),
    "it": (
        "Grazie a tutti per essere venuti!",
        "Oggi apriamo il nostro nuovo negozio in centro.",
        "Non perdetevi il concerto di sabato.",
        "Siamo molto orgogliosi della nostra squadra.",
        "Cosa ne pensate della partita di ieri?",
        "I biglietti sono già in vendita.",
        "Buon Natale e felice anno nuovo.",
        "Cerchiamo persone con voglia di imparare.",
        "L'evento è stato annullato per la pioggia.",
        "Domani ne parliamo in diretta.",
        "Che bella giornata!",
        "Vi aspettiamo dalle otto in poi.",
        "Il nostro ufficio resterà chiuso lunedì.",
        "Guardate il video fino alla fine.",
        "Non vedo l'ora.",
        "Grazie mille per il vostro sostegno.",
        "Ecco i vincitori del concorso.",
        "Trovate il nuovo orario sul nostro sito.",
        "Il nuovo menù è disponibile da oggi.",
        "Chi viene al mercato questo fine settimana?",
        "Abbiamo una piccola sorpresa per voi.",
        "Il link per iscriversi è nella bio.",
        "Ecco come si presenta una domenica perfetta.",
        "Sono rimasti pochi posti per il laboratorio.",
        "Purtroppo dobbiamo rimandare il concerto.",
        "Qual è il vostro piatto preferito d'inverno?",
        "Il treno è di nuovo in ritardo.",
        "Finalmente è venerdì.",
        "Tutte le informazioni sul nostro sito.",
        "Buon compleanno, cara Giulia!",
        "Oggi abbiamo piantato venti alberi nel parco.",
        "Non dimenticate che domani è l'ultimo giorno.",
        "Un grande grazie a tutti i volontari.",
        "Vi piace il nuovo design?",
        "L'ingresso è gratuito per i bambini.",
        "Vi auguriamo una buona festa.",
        "È stata dura, ma abbiamo vinto!",
        "Conoscete già il nostro podcast?",
        "Condividete questo post con i vostri amici.",
        "La mostra resta aperta fino alla fine di maggio.",
        "Oggi caffè e torta per tutti.",
        "È arrivata la primavera!",
        "Ci prendiamo una breve pausa.",
        "È stato un grande onore per me.",
        "Ora disponibile in tutti i negozi.",
        "Scriveteci le vostre domande nei commenti.",
        "La strada è chiusa per lavori.",
        "Ci vediamo l'anno prossimo!",
        "La nostra squadra continua a crescere.",
        "Hai voglia di fare una gita?",
        "La partita inizia alle otto.",
        "In caso di pioggia l'evento si terrà al coperto.",
        "Mancano solo tre giorni al festival!",
        "Sono così stanco oggi.",
        "Il tuo pacco è in viaggio.",
        "Insieme ce la faremo.",
        "Una giornata splendida al lago.",
        "I prezzi valgono solo online.",
        "Quale colore vi piace di più?",
        "Abbiamo vinto il premio!",
        "Può inviare la sua candidatura da oggi.",
        "Il sito non è raggiungibile in questo momento.",
        "Nuova settimana, nuovi obiettivi.",
        "Ringraziamo tutti i nostri sponsor.",
        "I bambini sotto i sei anni non pagano.",
        "Trovate la ricetta qui sotto.",
        "Buon fine settimana a tutti!",
        "Stasera in diretta alla radio.",
        "Le iscrizioni chiudono venerdì.",
        "Siete i migliori!",
        "Adoriamo vedere le vostre foto.",
        "Torna il mercatino della domenica.",
        "Dove andrete in vacanza quest'anno?",
        "Siamo aperti anche la domenica mattina.",
        "La scadenza è la settimana prossima.",
        "Grazie per la pazienza.",
        "Questo è solo l'inizio.",
        "Fa molto caldo oggi a Roma.",
        "Abbiamo rinnovato completamente la cucina.",
        "Raccontaci la tua esperienza con noi.",
    ),
    "pt": (
        "Obrigado a todos por terem vindo!",
        "Hoje abrimos a nossa nova loja no centro.",
        "Não percam o concerto de sábado.",
        "Estamos muito orgulhosos da nossa equipa.",
        "O que acharam do jogo de ontem?",
        "Os bilhetes já estão à venda.",
        "Feliz Natal e um próspero ano novo.",
        "Procuramos pessoas com vontade de aprender.",
        "O evento foi cancelado por causa da chuva.",
        "Amanhã falamos sobre isso ao vivo.",
        "Que dia tão bonito!",
        "Esperamos por vocês a partir das oito.",
        "O nosso escritório vai estar fechado na segunda-feira.",
        "Vejam o vídeo até ao fim.",
        "Mal posso esperar.",
        "Muito obrigado pelo vosso apoio.",
        "Aqui estão os vencedores do sorteio.",
        "Consultem o novo horário no nosso site.",
        "O novo menu já está disponível.",
        "Quem vem à feira este fim de semana?",
        "Temos uma pequena surpresa para vocês.",
        "O link para a inscrição está na bio.",
        "Assim é um domingo perfeito.",
        "Restam poucas vagas para a oficina.",
        "Infelizmente temos de adiar o concerto.",
        "Qual é o vosso prato preferido no inverno?",
        "O comboio está atrasado outra vez.",
        "Finalmente chegou a sexta-feira.",
        "Todas as informações estão no nosso site.",
        "Parabéns, querida Joana!",
        "Hoje plantámos vinte árvores no parque.",
        "Não se esqueçam de que amanhã é o último dia.",
        "Um enorme obrigado a todos os voluntários.",
        "Gostam do novo design?",
        "A entrada é gratuita para crianças.",
        "Desejamos a todos um bom feriado.",
        "Foi difícil, mas ganhámos!",
        "Já conhecem o nosso podcast?",
        "Partilhem esta publicação com os vossos amigos.",
        "A exposição continua aberta até ao fim de maio.",
        "Hoje há café e bolo para todos.",
        "A primavera chegou!",
        "Vamos fazer uma pequena pausa.",
        "Foi uma grande honra para mim.",
        "Já disponível nas lojas.",
        "Deixem as vossas perguntas nos comentários.",
        "A rua está fechada por causa das obras.",
        "Até para o ano!",
        "A nossa equipa continua a crescer.",
        "Você quer fazer um passeio?",
        "O jogo começa às oito horas.",
        "Se chover, a atividade será feita lá dentro.",
        "Faltam só três dias para o festival!",
        "Estou tão cansado hoje.",
        "A sua encomenda já está a caminho.",
        "Juntos vamos conseguir.",
        "Um dia lindo na praia.",
        "Os preços só são válidos online.",
        "De que cor gostam mais?",
        "Ganhámos o prémio!",
        "Pode enviar a sua candidatura a partir de hoje.",
        "O site não está disponível neste momento.",
        "Nova semana, novos desafios.",
        "Agradecemos a todos os nossos patrocinadores.",
        "Crianças com menos de seis anos não pagam.",
        "A receita está aqui em baixo.",
        "Bom fim de semana a todos!",
        "Esta noite em direto na rádio.",
        "As inscrições terminam na sexta-feira.",
        "Vocês são os melhores!",
        "Adoramos ver as vossas fotos.",
        "A feira de domingo está de volta.",
        "Onde vão passar as férias este ano?",
        "Também abrimos aos domingos de manhã.",
        "O prazo termina na próxima semana.",
        "Obrigado pela paciência.",
        "Isto é só o começo.",
        "Está muito calor hoje em Lisboa.",
        "A gente se vê amanhã na praia.",
        "Conta-nos a tua experiência connosco.",
    ),
    "da": (
        "Tak til alle, der kom i går!",
        "Vi glæder os til at se jer på lørdag.",
        "I dag åbner vi vores nye butik.",
        "Billetterne er desværre udsolgt.",
        "Glædelig jul og godt nytår.",
        "Hvad synes I om det nye design?",
        "Vi holder lukket på mandag.",
        "Husk at tilmelde dig inden fredag.",
        "Det var en fantastisk aften.",
        "Vores hold bliver ved med at vokse.",
        "Der er stadig få pladser tilbage.",
        "Tillykke med fødselsdagen, kære Mette!",
        "Vi ses næste år!",
        "Jeg er så træt i dag.",
        "Hvem har lyst til en tur i skoven?",
        "Koncerten er desværre aflyst på grund af regn.",
        "Alle oplysninger finder du på vores hjemmeside.",
        "Tusind tak for jeres støtte.",
        "Her er vinderne af konkurrencen.",
        "Kaffen er klar, kom bare ind.",
        "Hav en rigtig god weekend!",
        "Det er gratis for børn under seks år.",
        "Vi har plantet tyve træer i parken.",
        "Skriv jeres spørgsmål i kommentarerne.",
        "Nu kan du endelig bestille online.",
        "Hvad er jeres yndlingsret om vinteren?",
        "Toget er forsinket igen.",
        "Sammen kan vi klare det.",
        "Vi har vundet prisen!",
        "Det er kun begyndelsen.",
    ),
    "sv": (
        "Tack till alla som kom i går!",
        "Vi ser fram emot att träffa er på lördag.",
        "I dag öppnar vi vår nya butik.",
        "Biljetterna är tyvärr slutsålda.",
        "God jul och gott nytt år.",
        "Vad tycker ni om den nya designen?",
        "Vi har stängt på måndag.",
        "Glöm inte att anmäla dig före fredag.",
        "Det var en fantastisk kväll.",
        "Vårt lag fortsätter att växa.",
        "Det finns fortfarande några platser kvar.",
        "Grattis på födelsedagen, kära Anna!",
        "Vi ses nästa år!",
        "Jag är så trött i dag.",
        "Vem vill följa med på en promenad i skogen?",
        "Konserten är tyvärr inställd på grund av regn.",
        "All information hittar du på vår hemsida.",
        "Stort tack för ert stöd.",
        "Här är vinnarna i tävlingen.",
        "Kaffet är klart, kom in.",
        "Ha en riktigt trevlig helg!",
        "Det är gratis för barn under sex år.",
        "Vi har planterat tjugo träd i parken.",
        "Skriv era frågor i kommentarerna.",
        "Nu kan du äntligen beställa på nätet.",
        "Vilken är er favoriträtt på vintern?",
        "Tåget är försenat igen.",
        "Tillsammans klarar vi det.",
        "Vi har vunnit priset!",
        "Det här är bara början.",
    ),
    "no": (
        "Takk til alle som kom i går!",
        "Vi gleder oss til å se dere på lørdag.",
        "I dag åpner vi vår nye butikk.",
        "Billettene er dessverre utsolgt.",
        "God jul og godt nytt år.",
        "Hva synes dere om det nye designet?",
        "Vi holder stengt på mandag.",
        "Husk å melde deg på før fredag.",
        "Det var en fantastisk kveld.",
        "Laget vårt fortsetter å vokse.",
        "Det er fortsatt noen plasser igjen.",
        "Gratulerer med dagen, kjære Kari!",
        "Vi ses neste år!",
        "Jeg er så sliten i dag.",
        "Hvem vil være med på tur i skogen?",
        "Konserten er dessverre avlyst på grunn av regn.",
        "All informasjon finner du på nettsiden vår.",
        "Tusen takk for støtten.",
        "Her er vinnerne av konkurransen.",
        "Kaffen er klar, bare kom inn.",
        "Ha en riktig god helg!",
        "Det er gratis for barn under seks år.",
        "Vi har plantet tjue trær i parken.",
        "Skriv spørsmålene deres i kommentarfeltet.",
        "Nå kan du endelig bestille på nett.",
        "Hva er favorittretten deres om vinteren?",
        "Toget er forsinket igjen.",
        "Sammen klarer vi det.",
        "Vi har vunnet prisen!",
        "Dette er bare begynnelsen.",
    ),
    "af": (
        "Baie dankie aan almal wat gister gekom het!",
        "Ons sien uit daarna om julle Saterdag te sien.",
        "Vandag open ons ons nuwe winkel.",
        "Die kaartjies is ongelukkig uitverkoop.",
        "Geseënde Kersfees en 'n voorspoedige nuwe jaar.",
        "Wat dink julle van die nuwe ontwerp?",
        "Ons is Maandag gesluit.",
        "Onthou om voor Vrydag in te skryf.",
        "Dit was 'n fantastiese aand.",
        "Ons span groei steeds.",
        "Daar is nog 'n paar plekke oor.",
        "Veels geluk met jou verjaarsdag, liewe Anna!",
        "Ons sien julle volgende jaar!",
        "Ek is so moeg vandag.",
        "Wie wil saam gaan stap in die bos?",
        "Die konsert is ongelukkig gekanselleer weens die reën.",
        "Al die inligting is op ons webwerf.",
        "Baie dankie vir julle ondersteuning.",
        "Hier is die wenners van die kompetisie.",
        "Die koffie is reg, kom gerus in.",
        "Geniet die naweek saam met familie!",
        "Dit is gratis vir kinders onder ses jaar.",
        "Ons het twintig bome in die park geplant.",
        "Skryf julle vrae in die kommentaar.",
        "Nou kan jy uiteindelik aanlyn bestel.",
        "Wat is julle gunstelingkos in die winter?",
        "Die trein is weer laat.",
        "Saam kan ons dit doen.",
        "Ons het die prys gewen!",
        "Dit is eers die begin.",
        "Ons is baie trots op ons span.",
        "Kom kuier gerus by ons stalletjie.",
        "Die winkel maak om nege-uur oop.",
        "Het julle al ons nuwe webwerf gesien?",
        "Ek kan nie wag vir die naweek nie!",
        "Dankie vir al julle boodskappe.",
        "Die pryse sluit BTW in.",
        "Hierdie week is alles tien persent goedkoper.",
        "Ons soek vrywilligers vir die fees.",
        "Die skool is môre gesluit.",
        "Wat 'n wonderlike dag was dit!",
        "Sy het die wedstryd gewen.",
        "Ons wens julle 'n gelukkige Nuwejaar toe.",
        "Kyk gerus na ons nuwe video.",
        "Die pad is weens padwerke gesluit.",
        "Moenie vergeet om vandag te stem nie.",
        "Die kos was heerlik, dankie!",
        "Ek is so bly om julle te sien.",
        "Skryf vandag nog in vir die kursus.",
        "Die reën het uiteindelik gekom.",
        "Ons het 'n klein verrassing vir julle.",
        "Hoe laat begin die konsert?",
        "Dit is die beste koffie in die stad.",
        "Lekker slaap, almal!",
        "Die span speel Saterdag teen Stellenbosch.",
        "Ons kantoor is oop van agt tot vyf.",
        "Kinders onder ses betaal niks nie.",
        "Deel asseblief hierdie boodskap met jou vriende.",
        "Die bestelling is op pad na jou.",
        "Ons sien julle by die mark!",
    ),
    "pl": (
        "Dziękujemy wszystkim, którzy wczoraj przyszli!",
        "Nie możemy się doczekać sobotniego koncertu.",
        "Dzisiaj otwieramy nasz nowy sklep.",
        "Bilety są niestety wyprzedane.",
        "Wesołych Świąt i szczęśliwego Nowego Roku.",
        "Co sądzicie o nowym projekcie?",
        "W poniedziałek biuro będzie zamknięte.",
        "Pamiętaj, aby zapisać się do piątku.",
        "To był fantastyczny wieczór.",
        "Nasz zespół wciąż się rozwija.",
        "Zostało jeszcze kilka wolnych miejsc.",
        "Wszystkiego najlepszego z okazji urodzin!",
        "Do zobaczenia w przyszłym roku!",
        "Jestem dzisiaj bardzo zmęczony.",
        "Kto ma ochotę na spacer po lesie?",
        "Koncert został odwołany z powodu deszczu.",
        "Wszystkie informacje znajdziesz na naszej stronie.",
        "Bardzo dziękujemy za wasze wsparcie.",
        "Oto zwycięzcy naszego konkursu.",
        "Kawa jest gotowa, zapraszamy do środka.",
        "Życzymy wszystkim udanego weekendu!",
        "Wstęp dla dzieci jest bezpłatny.",
        "Posadziliśmy dwadzieścia drzew w parku.",
        "Piszcie swoje pytania w komentarzach.",
        "Teraz możesz wreszcie zamówić online.",
        "Jakie jest wasze ulubione danie zimą?",
        "Pociąg znowu się spóźnia.",
        "Razem damy radę.",
        "Wygraliśmy tę nagrodę!",
        "To dopiero początek.",
    ),
    "ca": (
        "Gràcies a tothom per venir!",
        "Avui obrim la nostra nova botiga al centre.",
        "No us perdeu el concert de dissabte.",
        "Estem molt orgullosos del nostre equip.",
        "Les entrades ja estan a la venda.",
        "Bon Nadal i feliç any nou!",
        "L'esdeveniment s'ha cancel·lat per la pluja.",
        "Quin dia més bonic!",
        "La nostra oficina estarà tancada dilluns.",
        "Moltes gràcies pel vostre suport.",
        "Què us sembla el nou disseny?",
        "L'entrada és gratuïta per als nens.",
        "Ens veiem l'any que ve!",
        "Avui estic molt cansat.",
        "El tren torna a arribar tard.",
        "Tota la informació és al nostre web.",
        "Bon cap de setmana a tothom!",
        "Hem guanyat el premi!",
        "Això és només el començament.",
        "Demà en parlem en directe.",
    ),
    "ro": (
        "Mulțumim tuturor că ați venit!",
        "Astăzi deschidem noul nostru magazin din centru.",
        "Nu ratați concertul de sâmbătă.",
        "Suntem foarte mândri de echipa noastră.",
        "Biletele sunt deja la vânzare.",
        "Crăciun fericit și un an nou fericit!",
        "Evenimentul a fost anulat din cauza ploii.",
        "Ce zi frumoasă!",
        "Biroul nostru va fi închis luni.",
        "Vă mulțumim pentru sprijin.",
        "Ce părere aveți despre noul design?",
        "Intrarea este gratuită pentru copii.",
        "Ne vedem anul viitor!",
        "Sunt foarte obosit astăzi.",
        "Trenul are din nou întârziere.",
        "Toate informațiile sunt pe site-ul nostru.",
        "Weekend plăcut tuturor!",
        "Am câștigat premiul!",
        "Acesta este doar începutul.",
        "Mâine vorbim despre asta în direct.",
    ),
}


def _words(text: str) -> list[str]:
    return text.split()


def cut(line: str, number: int) -> list[str]:
    """The 3-12-word lines cut from one CoCoA-MT line: its sentences, then windows of words."""
    pieces = [s for s in _SENTENCE_END.split(line.strip()) if MIN_WORDS <= len(_words(s)) <= 12]
    words = _words(line)
    pos = k = 0
    while pos < len(words):
        size = MIN_WORDS + (number * 7 + k * 3) % (MAX_WORDS - MIN_WORDS + 1)
        window = words[pos : pos + size]
        if len(window) == size:
            pieces.append(" ".join(window))
        pos += size
        k += 1
    return pieces


def cocoa_lines(split: str, cocoa: Path = COCOA) -> dict[str, list[str]]:
    """The 3-12-word lines per language (nl, fr, en) of one half of the CoCoA-MT training split.

    A held-out line that also occurs in the tune half is left out (the en-nl and en-fr English
    sources share sentences, and short replies such as "Je ne sais pas." recur).
    """
    suffixes = {
        "nl": (".formal.nl", ".informal.nl"),
        "fr": (".formal.fr", ".informal.fr"),
        "en": (".en",),
    }
    halves: dict[str, dict[str, dict[str, None]]] = {s: {} for s in SPLITS}
    for lang, ends in suffixes.items():
        for half in halves.values():
            half[lang] = {}
        for path in sorted(cocoa.glob("formality-control.train.*")):
            if not path.name.endswith(ends):
                continue
            for number, line in enumerate(path.read_text("utf-8").splitlines()):
                if line.strip():
                    half_of_line = SPLITS[number % 2]
                    halves[half_of_line][lang].update(dict.fromkeys(cut(line, number)))
    tune = halves["tune"]
    if split == "tune":
        return {lang: list(lines) for lang, lines in tune.items()}
    return {
        lang: [x for x in lines if x not in tune[lang]] for lang, lines in halves[split].items()
    }


def other_lines(split: str) -> dict[str, list[str]]:
    """One half of :data:`OTHER_LINES`, split by position as the CoCoA-MT lines are."""
    return {
        lang: [line for number, line in enumerate(lines) if SPLITS[number % 2] == split]
        for lang, lines in OTHER_LINES.items()
    }


def langdetect_baseline(text: str) -> str:
    """Plain langdetect (seeded), the way tonelint used it before this module."""
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    try:
        return str(detect(text)).split("-")[0]
    except LangDetectException:
        return "und"


def cold_start(statement: str, runs: int = 5) -> float:
    """Median seconds of ``statement`` (after ``import tonelint.langid``) in a fresh process."""
    code = (
        "import time, tonelint.langid, langdetect\n"
        "t = time.perf_counter()\n"
        f"{statement}\n"
        "print(time.perf_counter() - t)\n"
    )
    times = []
    for _ in range(runs):
        proc = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
        )
        times.append(float(proc.stdout.split()[-1]))
    return statistics.median(times)


@dataclass(frozen=True)
class Result:
    """The answers for one language's lines."""

    lang: str
    lines: list[str]
    answers: list[str]

    def rate(self, *answers: str) -> float:
        return sum(a in answers for a in self.answers) / len(self.answers)

    def wrong(self, *answers: str) -> list[tuple[str, str]]:
        """``(answer, line)`` for each line answered with one of ``answers``."""
        return [(a, x) for x, a in zip(self.lines, self.answers, strict=True) if a in answers]


def evaluate(detect: Callable[[str], str], split: str) -> tuple[list[Result], list[Result]]:
    """The answers of ``detect`` on one half: the nl, fr, en lines, and the other languages'."""
    supported = [Result(k, v, [detect(x) for x in v]) for k, v in cocoa_lines(split).items()]
    others = [Result(k, v, [detect(x) for x in v]) for k, v in other_lines(split).items()]
    return supported, others


def pooled(results: list[Result], *answers: str) -> float:
    """The share of all lines of ``results`` answered with one of ``answers``."""
    hits = sum(a in answers for r in results for a in r.answers)
    return hits / sum(len(r.answers) for r in results)


def report(detect: Callable[[str], str], split: str, errors: int) -> None:
    supported, others = evaluate(detect, split)
    print(f"{split} half: supported languages (CoCoA-MT lines of 3-12 words)")
    for r in supported:
        counts = Counter(a for a in r.answers if a != r.lang)
        wrong = ", ".join(f"{k} {v}" for k, v in counts.most_common(6)) or "-"
        print(
            f"  {r.lang}: {r.rate(r.lang):7.2%} correct of {len(r.lines):5d}"
            f"   und {r.rate('und'):5.1%}   wrong: {wrong}"
        )
        missed = [(a, x) for x, a in zip(r.lines, r.answers, strict=True) if a != r.lang]
        for answer, line in missed[:errors]:
            print(f"      {answer:>4}  {line}")
    right = sum(a == r.lang for r in supported for a in r.answers)
    total = sum(len(r.lines) for r in supported)
    print(f"  all: {right / total:7.2%} correct of {total}   und {pooled(supported, 'und'):5.1%}")
    print(f"{split} half: other languages (lines written by the tonelint team)")
    for r in others:
        answered = ", ".join(f"{k} {v}" for k, v in Counter(r.answers).most_common(5))
        print(
            f"  {r.lang}: misread as nl/fr/en {r.rate(*SUPPORTED):6.1%}"
            f"  und {r.rate('und'):6.1%}  of {len(r.lines):3d}   answers: {answered}"
        )
        for answer, line in r.wrong(*SUPPORTED)[:errors]:
            print(f"      {answer:>4}  {line}")
    print(
        f"  all: misread as nl/fr/en {pooled(others, *SUPPORTED):6.1%}"
        f"  und {pooled(others, 'und'):6.1%}  of {sum(len(r.lines) for r in others)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=SPLITS, default="heldout")
    parser.add_argument("--baseline", action="store_true", help="plain langdetect instead")
    parser.add_argument("--errors", type=int, default=0, help="misread lines to print per language")
    parser.add_argument("--no-timing", action="store_true")
    args = parser.parse_args()
    if not COCOA.is_dir():
        sys.exit(f"{COCOA} is missing (the shared data folder sits beside the repository)")
    from tonelint.langid import detect_language

    report(langdetect_baseline if args.baseline else detect_language, args.split, args.errors)
    if not args.no_timing:
        ours = cold_start("tonelint.langid.detect_language('Wij zijn trots op ons festival')")
        plain = cold_start("langdetect.DetectorFactory.seed = 0; langdetect.detect('Wij zijn')")
        print(
            f"cold start, first detection: tonelint {ours * 1000:.0f} ms,"
            f" plain langdetect {plain * 1000:.0f} ms"
        )


if __name__ == "__main__":
    main()
