package org.lente.nlp.ner;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Names of countries and continents in Italian and English: in running text such a name on its own
 * is a place ({@link Entities}).
 */
final class Places {

  private static final Set<String> NAMES = Arrays.stream((""
      // Italian
      + "Afghanistan|Albania|Algeria|Andorra|Angola|Arabia Saudita|Argentina|Armenia|Australia|Austria|Azerbaigian"
      + "|Bahrein|Bangladesh|Belgio|Bielorussia|Birmania|Bolivia|Bosnia|Bosnia ed Erzegovina|Brasile|Bulgaria"
      + "|Burkina Faso|Cambogia|Camerun|Canada|Ciad|Cile|Cina|Cipro|Colombia|Congo|Corea del Nord|Corea del Sud"
      + "|Costa d'Avorio|Costa Rica|Croazia|Cuba|Danimarca|Ecuador|Egitto|El Salvador|Emirati Arabi Uniti|Eritrea"
      + "|Estonia|Etiopia|Filippine|Finlandia|Francia|Gabon|Georgia|Germania|Ghana|Giamaica|Giappone|Gibuti"
      + "|Giordania|Grecia|Groenlandia|Guatemala|Guinea|Haiti|Honduras|India|Indonesia|Iran|Iraq|Irlanda|Islanda"
      + "|Israele|Italia|Kazakistan|Kenya|Kosovo|Kuwait|Laos|Lettonia|Libano|Liberia|Libia|Liechtenstein|Lituania"
      + "|Lussemburgo|Macedonia del Nord|Madagascar|Malesia|Mali|Malta|Marocco|Mauritania|Messico|Moldavia|Monaco"
      + "|Mongolia|Montenegro|Mozambico|Myanmar|Namibia|Nepal|Nicaragua|Niger|Nigeria|Norvegia|Nuova Zelanda"
      + "|Oman|Paesi Bassi|Olanda|Pakistan|Palestina|Panama|Paraguay|Perù|Polonia|Portogallo|Qatar|Regno Unito"
      + "|Gran Bretagna|Inghilterra|Scozia|Galles|Repubblica Ceca|Romania|Ruanda|Russia|San Marino|Senegal|Serbia"
      + "|Siria|Slovacchia|Slovenia|Somalia|Spagna|Sri Lanka|Stati Uniti|Stati Uniti d'America|Sudafrica|Sudan"
      + "|Sud Sudan|Svezia|Svizzera|Taiwan|Tanzania|Thailandia|Tunisia|Turchia|Ucraina|Uganda|Ungheria|Uruguay"
      + "|Uzbekistan|Vaticano|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|Europa|Asia|Africa|America|Oceania"
      + "|Antartide|Medio Oriente|Crimea|Donbass|Gaza|Cisgiordania|Kurdistan|Tibet|Cecenia|Sahara"
      // English
      + "|Belgium|Belarus|Brazil|Cambodia|Cameroon|Chad|Chile|China|Cyprus|Czech Republic|Czechia|Denmark|Egypt"
      + "|Ethiopia|Philippines|Finland|France|Germany|Jamaica|Japan|Jordan|Greece|Greenland|Iceland|Ireland"
      + "|Israel|Italy|Kazakhstan|Latvia|Lebanon|Libya|Lithuania|Luxembourg|North Macedonia|Malaysia|Morocco"
      + "|Mexico|Moldova|Mozambique|Norway|New Zealand|Netherlands|Holland|Peru|Poland|Portugal|United Kingdom"
      + "|Britain|Great Britain|England|Scotland|Wales|Rwanda|Saudi Arabia|South Africa|South Korea|North Korea"
      + "|Spain|Sweden|Switzerland|Syria|Slovakia|Thailand|Turkey|Türkiye|Ukraine|Hungary|United States"
      + "|United States of America|Vatican|Europe|Antarctica|Middle East|West Bank|South Sudan|Ivory Coast"
      + "|United Arab Emirates|Croatia|Algeria|Tunisia|Iraq|Iran|Afghanistan|Pakistan|India|Russia|Canada|Australia"
      + "|Argentina|Colombia|Venezuela|Cuba|Nigeria|Kenya|Somalia|Sudan|Yemen|Qatar|Taiwan|Vietnam|Ukraine")
      .split("\\|")).map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());

  private Places() {}

  /** True when {@code name} (any case, ' or ’) is a country or continent. */
  static boolean isCountry(String name) {
    return NAMES.contains(name.toLowerCase(Locale.ROOT).replace('’', '\''));
  }
}
