"""French news articles written for newsetl (issue 23), in wire and regional style, with gold.

Every text is our own (invented events and quotes; real place and public names only as
context). ``build.py`` writes ``fr_full.json`` in the ``full`` format of ../shared/eval
(CONTRACT.md), scored with ``score.py``. Gold policy: entities are people, organisations and
places named in the body (PERSON/ORG/GPE/LOC/FAC); agencies, generic bodies ("la
préfecture") are optional. Quotes: every span in « » with its speaker (the named person or
body; a pronoun resolved) and cue as written. Casualties: every figure of the article's event
(killed, injured, arrested), with the victims' head noun; "une trentaine" = 30, "une
centaine" = 100.

Each entry: art(id, body, entities [(name, type, aliases)], quotes [(text, speaker, cue)],
casualties [(category, count, victims)], optional entities, dateline, agency).
"""
A = []
def art(i, body, ents, quotes=(), cas=(), opt=(), dateline=None, agency=None):
    A.append(dict(i=i, body=body.strip(), ents=ents, quotes=quotes, cas=cas, opt=opt, dateline=dateline, agency=agency))

art("fr01", """MARSEILLE (AFP) — Deux hommes ont été tués et trois autres blessés dans une fusillade dans la nuit de samedi à dimanche dans le quartier de la Belle-de-Mai, a-t-on appris auprès de la police.

« C'est un drame pour tout le quartier », a déclaré le maire de Marseille, Benoît Payan.

Le ministre de l'Intérieur, Gérald Darmanin, a annoncé l'envoi de renforts. « Nous ne laisserons pas les trafiquants faire la loi », a-t-il ajouté.""",
 [("Marseille","GPE",["MARSEILLE"]),("Belle-de-Mai","LOC",[]),("Benoît Payan","PERSON",[]),("Gérald Darmanin","PERSON",[])],
 [("C'est un drame pour tout le quartier","Benoît Payan","a déclaré"),("Nous ne laisserons pas les trafiquants faire la loi","Gérald Darmanin","a-t-il ajouté")],
 [("killed",2,"hommes"),("injured",3,"autres")], opt=["AFP","ministre de l'Intérieur"], dateline="MARSEILLE", agency="AFP")

art("fr02", """LYON (AFP) — Un motard de 34 ans est mort mardi soir après une collision avec une voiture sur le boulevard périphérique de Lyon, selon les pompiers.

Le conducteur de la voiture, légèrement blessé, a été placé en garde à vue. « La vitesse semble être en cause », a indiqué un porte-parole de la préfecture du Rhône.""",
 [("Lyon","GPE",["LYON"]),("Rhône","GPE",[])],
 [("La vitesse semble être en cause","porte-parole de la préfecture du Rhône","a indiqué")],
 [("killed",1,"motard"),("injured",1,"conducteur"),("arrested",1,"conducteur")], opt=["AFP","préfecture du Rhône"], dateline="LYON", agency="AFP")

art("fr03", """Trois personnes ont été tuées et douze blessées jeudi dans l'explosion d'une voiture piégée près d'un marché de Bamako, selon des sources sécuritaires.

« L'engin a explosé à l'heure où le marché est le plus fréquenté », a affirmé un commerçant, Moussa Traoré.

Le gouvernement du Mali a décrété trois jours de deuil national.""",
 [("Bamako","GPE",[]),("Moussa Traoré","PERSON",[]),("Mali","GPE",[])],
 [("L'engin a explosé à l'heure où le marché est le plus fréquenté","Moussa Traoré","a affirmé")],
 [("killed",3,"personnes"),("injured",12,"blessées")])

art("fr04", """TOULOUSE (AFP) — Un adolescent de 16 ans a été blessé par balle lundi soir dans le quartier du Mirail, à Toulouse, a-t-on appris de source policière.

Ses jours ne sont pas en danger. « Les tirs visaient un groupe de jeunes réunis au pied d'un immeuble », a précisé le procureur de la République, Pierre-Yves Couilleau.""",
 [("Toulouse","GPE",["TOULOUSE"]),("Mirail","LOC",[]),("Pierre-Yves Couilleau","PERSON",[])],
 [("Les tirs visaient un groupe de jeunes réunis au pied d'un immeuble","Pierre-Yves Couilleau","a précisé")],
 [("injured",1,"adolescent")], opt=["AFP"], dateline="TOULOUSE", agency="AFP")

art("fr05", """Le président Emmanuel Macron a reçu mercredi à l'Élysée les dirigeants des principaux syndicats pour évoquer la réforme de l'assurance chômage.

« Le dialogue est ouvert, mais le cap ne changera pas », a déclaré le chef de l'État à l'issue de la réunion.

La secrétaire générale de la CGT, Sophie Binet, a dénoncé « un simulacre de concertation ».""",
 [("Emmanuel Macron","PERSON",[]),("Élysée","ORG",[]),("CGT","ORG",[]),("Sophie Binet","PERSON",[])],
 [("Le dialogue est ouvert, mais le cap ne changera pas","Emmanuel Macron","a déclaré"),("un simulacre de concertation","Sophie Binet","a dénoncé")], [])

art("fr06", """NANTES (AFP) — Un incendie a ravagé un immeuble d'habitation dans la nuit de vendredi à samedi à Nantes, faisant quatre morts, dont deux enfants, et sept blessés, selon un bilan des pompiers.

« Les flammes sont parties du hall d'entrée », a expliqué le commandant des pompiers de Loire-Atlantique, Éric Le Goff.

Une enquête a été ouverte pour déterminer l'origine du sinistre.""",
 [("Nantes","GPE",["NANTES"]),("Loire-Atlantique","GPE",[]),("Éric Le Goff","PERSON",[])],
 [("Les flammes sont parties du hall d'entrée","Éric Le Goff","a expliqué")],
 [("killed",4,"morts"),("injured",7,"blessés")], opt=["AFP"], dateline="NANTES", agency="AFP")

art("fr07", """Au moins quinze personnes ont péri dans le naufrage d'une embarcation de migrants au large de la Libye, a annoncé dimanche l'Organisation internationale pour les migrations.

« Il s'agit du troisième naufrage meurtrier en un mois », a souligné une porte-parole de l'organisation, Safa Msehli.""",
 [("Libye","GPE",[]),("Organisation internationale pour les migrations","ORG",[]),("Safa Msehli","PERSON",[])],
 [("Il s'agit du troisième naufrage meurtrier en un mois","Safa Msehli","a souligné")],
 [("killed",15,"personnes")])

art("fr08", """STRASBOURG (AFP) — Deux policiers ont été blessés samedi lors d'une manifestation qui a dégénéré dans le centre de Strasbourg, a indiqué la préfecture du Bas-Rhin.

Onze personnes ont été interpellées. « Ces violences sont inacceptables », a réagi la maire de Strasbourg, Jeanne Barseghian.""",
 [("Strasbourg","GPE",["STRASBOURG"]),("Bas-Rhin","GPE",[]),("Jeanne Barseghian","PERSON",[])],
 [("Ces violences sont inacceptables","Jeanne Barseghian","a réagi")],
 [("injured",2,"policiers"),("arrested",11,"personnes")], opt=["AFP","préfecture du Bas-Rhin"], dateline="STRASBOURG", agency="AFP")

art("fr09", """Le Premier ministre, Michel Barnier, a présenté jeudi devant l'Assemblée nationale son projet de budget pour l'année prochaine.

« Nous devons réduire le déficit sans casser la croissance », a affirmé Michel Barnier.

Le président du groupe socialiste, Boris Vallaud, a estimé que le texte était « injuste pour les classes moyennes ».""",
 [("Michel Barnier","PERSON",["Barnier"]),("Assemblée nationale","ORG",[]),("Boris Vallaud","PERSON",[])],
 [("Nous devons réduire le déficit sans casser la croissance","Michel Barnier","a affirmé"),("injuste pour les classes moyennes","Boris Vallaud","a estimé")], [])

art("fr10", """Un autocar transportant des touristes s'est renversé mercredi sur une route de montagne près de Grenoble, faisant un mort et vingt-trois blessés, selon la gendarmerie.

« Le chauffeur a perdu le contrôle dans un virage », a déclaré le préfet de l'Isère, Louis Laugier.""",
 [("Grenoble","GPE",[]),("Isère","GPE",[]),("Louis Laugier","PERSON",[])],
 [("Le chauffeur a perdu le contrôle dans un virage","Louis Laugier","a déclaré")],
 [("killed",1,"mort"),("injured",23,"blessés")], opt=["gendarmerie"])

art("fr11", """BRUXELLES (Belga) — Un homme armé d'un couteau a blessé trois passants mardi matin près de la gare du Midi à Bruxelles avant d'être maîtrisé par la police.

« L'auteur présumé a été arrêté et interrogé », a indiqué le parquet de Bruxelles dans un communiqué.""",
 [("Bruxelles","GPE",["BRUXELLES"]),("gare du Midi","FAC",[]),("parquet de Bruxelles","ORG",[])],
 [("L'auteur présumé a été arrêté et interrogé","parquet de Bruxelles","a indiqué")],
 [("injured",3,"passants"),("arrested",1,"auteur")], opt=["Belga"], dateline="BRUXELLES", agency="Belga")

art("fr12", """La maire de Paris, Anne Hidalgo, a annoncé lundi la fermeture à la circulation de plusieurs rues autour des écoles de la capitale.

« Nos enfants doivent pouvoir respirer un air sain », a-t-elle déclaré lors d'une conférence de presse.

L'opposition municipale, menée par Rachida Dati, a critiqué une décision « prise sans concertation ».""",
 [("Anne Hidalgo","PERSON",[]),("Paris","GPE",[]),("Rachida Dati","PERSON",[])],
 [("Nos enfants doivent pouvoir respirer un air sain","Anne Hidalgo","a-t-elle déclaré"),("prise sans concertation","Rachida Dati","a critiqué")], [])

art("fr13", """Cinq soldats ont été tués et huit autres blessés lors d'une attaque contre un poste militaire dans le nord du Burkina Faso, a annoncé vendredi l'armée burkinabè.

« Les assaillants ont été repoussés après de violents combats », a assuré l'état-major dans un communiqué.""",
 [("Burkina Faso","GPE",[]),("armée burkinabè","ORG",["état-major"])],
 [("Les assaillants ont été repoussés après de violents combats","armée burkinabè","a assuré")],
 [("killed",5,"soldats"),("injured",8,"autres")])

art("fr14", """BORDEAUX (AFP) — Une femme de 52 ans a été retrouvée morte dimanche à son domicile de Bordeaux et son compagnon a été placé en garde à vue, a annoncé le parquet.

« Les premières constatations font état de nombreux coups », a précisé la procureure de Bordeaux, Frédérique Porterie.""",
 [("Bordeaux","GPE",["BORDEAUX"]),("Frédérique Porterie","PERSON",[])],
 [("Les premières constatations font état de nombreux coups","Frédérique Porterie","a précisé")],
 [("killed",1,"femme"),("arrested",1,"compagnon")], opt=["AFP","parquet"], dateline="BORDEAUX", agency="AFP")

art("fr15", """Le ministre de l'Économie, Bruno Le Maire, a estimé mardi que l'inflation devrait ralentir dans les prochains mois.

« Le plus dur est derrière nous », a-t-il affirmé sur France Inter.

La Banque de France a toutefois revu à la baisse sa prévision de croissance.""",
 [("Bruno Le Maire","PERSON",[]),("France Inter","ORG",[]),("Banque de France","ORG",[])],
 [("Le plus dur est derrière nous","Bruno Le Maire","a-t-il affirmé")], [])

art("fr16", """Un séisme de magnitude 6,2 a frappé mardi le centre du Maroc, faisant au moins vingt-huit morts et une centaine de blessés, selon le ministère de l'Intérieur.

« Plusieurs villages de montagne restent inaccessibles », a déclaré un responsable local, Ahmed Benali.""",
 [("Maroc","GPE",[]),("ministère de l'Intérieur","ORG",[]),("Ahmed Benali","PERSON",[])],
 [("Plusieurs villages de montagne restent inaccessibles","Ahmed Benali","a déclaré")],
 [("killed",28,"morts"),("injured",100,"blessés")])

art("fr17", """LILLE (AFP) — Un jeune homme de 19 ans a été tué par balle jeudi soir à Roubaix, près de Lille, dans ce que la police considère comme un règlement de comptes.

« C'est le quatrième homicide de ce type depuis le début de l'année », a déploré le maire de Roubaix, Guillaume Delbar.""",
 [("Lille","GPE",["LILLE"]),("Roubaix","GPE",[]),("Guillaume Delbar","PERSON",[])],
 [("C'est le quatrième homicide de ce type depuis le début de l'année","Guillaume Delbar","a déploré")],
 [("killed",1,"homme")], opt=["AFP"], dateline="LILLE", agency="AFP")

art("fr18", """La Commission européenne a proposé mercredi un nouveau plan de soutien aux agriculteurs, après plusieurs semaines de manifestations dans toute l'Europe.

« Nous avons entendu la colère du monde agricole », a déclaré la présidente de la Commission, Ursula von der Leyen, à Bruxelles.""",
 [("Commission européenne","ORG",["Commission"]),("Europe","LOC",[]),("Ursula von der Leyen","PERSON",[]),("Bruxelles","GPE",[])],
 [("Nous avons entendu la colère du monde agricole","Ursula von der Leyen","a déclaré")], [])

art("fr19", """Deux alpinistes sont morts samedi dans une avalanche sur le massif du Mont-Blanc, a indiqué le peloton de gendarmerie de haute montagne de Chamonix.

Un troisième membre de la cordée a été hélitreuillé, grièvement blessé. « Les conditions étaient très dangereuses après les chutes de neige de la semaine », a expliqué le capitaine Jean-Baptiste Estachy.""",
 [("Mont-Blanc","LOC",[]),("Chamonix","GPE",[]),("Jean-Baptiste Estachy","PERSON",[])],
 [("Les conditions étaient très dangereuses après les chutes de neige de la semaine","Jean-Baptiste Estachy","a expliqué")],
 [("killed",2,"alpinistes"),("injured",1,"membre")], opt=["peloton de gendarmerie de haute montagne"])

art("fr20", """GENÈVE (ATS) — Le Conseil fédéral a annoncé vendredi une hausse du budget de l'armée suisse, une décision saluée par la droite et critiquée par la gauche.

« La sécurité de la Suisse a un prix », a affirmé la ministre de la Défense, Viola Amherd.""",
 [("Genève","GPE",["GENÈVE"]),("Conseil fédéral","ORG",[]),("Suisse","GPE",[]),("Viola Amherd","PERSON",[])],
 [("La sécurité de la Suisse a un prix","Viola Amherd","a affirmé")], [], opt=["ATS","armée suisse"], dateline="GENÈVE", agency="ATS")

art("fr21", """Au moins six personnes ont été tuées et une trentaine blessées dans un attentat-suicide contre une mosquée de Peshawar, au Pakistan, ont annoncé dimanche les autorités locales.

« Le kamikaze s'est fait exploser pendant la prière », a déclaré un responsable de la police, Mohammad Ali Khan.""",
 [("Peshawar","GPE",[]),("Pakistan","GPE",[]),("Mohammad Ali Khan","PERSON",[])],
 [("Le kamikaze s'est fait exploser pendant la prière","Mohammad Ali Khan","a déclaré")],
 [("killed",6,"personnes"),("injured",30,"trentaine")])

art("fr22", """RENNES (AFP) — Un cycliste de 67 ans a été mortellement percuté par un camion lundi matin à Rennes, a indiqué la police municipale.

Le chauffeur du poids lourd n'a pas été blessé. « Le carrefour est connu pour être dangereux », a regretté une riveraine, Martine Lebrun.""",
 [("Rennes","GPE",["RENNES"]),("Martine Lebrun","PERSON",[])],
 [("Le carrefour est connu pour être dangereux","Martine Lebrun","a regretté")],
 [("killed",1,"cycliste")], opt=["AFP","police municipale"], dateline="RENNES", agency="AFP")

art("fr23", """Le Parlement a définitivement adopté jeudi le projet de loi sur l'immigration, après un dernier vote au Sénat.

« C'est un texte ferme et juste », a salué le ministre de l'Intérieur, Bruno Retailleau.

Le chef de file de La France insoumise, Jean-Luc Mélenchon, a dénoncé « une loi de la honte ».""",
 [("Parlement","ORG",[]),("Sénat","ORG",[]),("Bruno Retailleau","PERSON",[]),("La France insoumise","ORG",[]),("Jean-Luc Mélenchon","PERSON",[])],
 [("C'est un texte ferme et juste","Bruno Retailleau","a salué"),("une loi de la honte","Jean-Luc Mélenchon","a dénoncé")], [])

art("fr24", """Une collision entre deux trains a fait huit morts et plus de quarante blessés mardi soir près de Larissa, dans le centre de la Grèce, selon les pompiers grecs.

« Nous cherchons encore des survivants dans les wagons », a affirmé un secouriste, Yannis Papadopoulos.""",
 [("Larissa","GPE",[]),("Grèce","GPE",[]),("Yannis Papadopoulos","PERSON",[])],
 [("Nous cherchons encore des survivants dans les wagons","Yannis Papadopoulos","a affirmé")],
 [("killed",8,"morts"),("injured",40,"blessés")], opt=["pompiers grecs"])

art("fr25", """NICE (AFP) — Un homme a ouvert le feu mardi soir sur la terrasse d'un bar de Nice, blessant deux clients, avant de prendre la fuite, a-t-on appris de source policière.

« Il est arrivé à scooter, il a tiré et il est reparti », a raconté un serveur, Karim Haddad.

Le tireur présumé a été arrêté le lendemain à Cannes.""",
 [("Nice","GPE",["NICE"]),("Karim Haddad","PERSON",[]),("Cannes","GPE",[])],
 [("Il est arrivé à scooter, il a tiré et il est reparti","Karim Haddad","a raconté")],
 [("injured",2,"clients"),("arrested",1,"tireur")], opt=["AFP"], dateline="NICE", agency="AFP")

art("fr26", """La présidente de la région Occitanie, Carole Delga, a présenté lundi un plan d'aide aux viticulteurs touchés par la sécheresse.

« Personne ne sera laissé sur le bord de la route », a-t-elle promis devant la presse à Montpellier.""",
 [("Occitanie","GPE",[]),("Carole Delga","PERSON",[]),("Montpellier","GPE",[])],
 [("Personne ne sera laissé sur le bord de la route","Carole Delga","a-t-elle promis")], [])

art("fr27", """Dix civils ont été tués vendredi dans des frappes de drones sur la ville de Kharkiv, dans l'est de l'Ukraine, selon le gouverneur régional Oleg Synegoubov.

« Les frappes ont visé des immeubles résidentiels », a déclaré Oleg Synegoubov sur Telegram.

Dix-sept autres personnes ont été blessées.""",
 [("Kharkiv","GPE",[]),("Ukraine","GPE",[]),("Oleg Synegoubov","PERSON",[]),("Telegram","ORG",[])],
 [("Les frappes ont visé des immeubles résidentiels","Oleg Synegoubov","a déclaré")],
 [("killed",10,"civils"),("injured",17,"personnes")])

art("fr28", """MONTRÉAL (La Presse canadienne) — Trois personnes ont été blessées, dont une grièvement, lors d'une fusillade survenue samedi soir dans un bar de Montréal, a annoncé le Service de police de la Ville de Montréal.

« Un suspect a été arrêté sur place », a indiqué un porte-parole du service, Jean-Pierre Brabant.""",
 [("Montréal","GPE",["MONTRÉAL"]),("Service de police de la Ville de Montréal","ORG",[]),("Jean-Pierre Brabant","PERSON",[])],
 [("Un suspect a été arrêté sur place","Jean-Pierre Brabant","a indiqué")],
 [("injured",3,"personnes"),("arrested",1,"suspect")], opt=["La Presse canadienne"], dateline="MONTRÉAL", agency="La Presse canadienne")

art("fr29", """Le Sénat a rejeté mardi une proposition de loi visant à interdire les jets privés pour les vols intérieurs, déposée par les écologistes.

« C'est une occasion manquée pour le climat », a regretté la sénatrice Mélanie Vogel.

Le rapporteur du texte, Philippe Tabarot, a jugé la mesure « symbolique et inefficace ».""",
 [("Sénat","ORG",[]),("Mélanie Vogel","PERSON",[]),("Philippe Tabarot","PERSON",[])],
 [("C'est une occasion manquée pour le climat","Mélanie Vogel","a regretté"),("symbolique et inefficace","Philippe Tabarot","a jugé")], [])

art("fr30", """Quatre personnes sont mortes et deux autres ont été blessées dans un carambolage sur l'autoroute A7 près de Valence, dans la Drôme, ont indiqué dimanche les secours.

« Le brouillard était très dense ce matin », a expliqué le lieutenant-colonel des pompiers, Stéphane Morel.""",
 [("A7","FAC",[]),("Valence","GPE",[]),("Drôme","GPE",[]),("Stéphane Morel","PERSON",[])],
 [("Le brouillard était très dense ce matin","Stéphane Morel","a expliqué")],
 [("killed",4,"personnes"),("injured",2,"autres")])

art("fr31", """Le gouvernement algérien a annoncé samedi l'arrestation de sept personnes soupçonnées d'avoir préparé un attentat à Alger.

« Les suspects disposaient d'armes et d'explosifs », a affirmé le ministère de la Défense dans un communiqué.""",
 [("Alger","GPE",[]),("ministère de la Défense","ORG",[])],
 [("Les suspects disposaient d'armes et d'explosifs","ministère de la Défense","a affirmé")],
 [("arrested",7,"personnes")], opt=["gouvernement algérien"])

art("fr32", """Un ouvrier de 41 ans est mort jeudi après une chute d'un échafaudage sur un chantier de Clermont-Ferrand, a annoncé l'inspection du travail.

« Les règles de sécurité n'étaient pas respectées sur ce chantier », a dénoncé un délégué syndical, Thierry Vasseur.""",
 [("Clermont-Ferrand","GPE",[]),("Thierry Vasseur","PERSON",[])],
 [("Les règles de sécurité n'étaient pas respectées sur ce chantier","Thierry Vasseur","a dénoncé")],
 [("killed",1,"ouvrier")], opt=["inspection du travail"])
