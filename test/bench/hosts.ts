/**
 * The host list for the look-up benchmark: platform hosts and their subdomains (from the compiled dataset),
 * ordinary sites with realistic subdomains (from the hand-written list below), and look-alikes of platform
 * hosts. Deterministic for a given seed. Hostnames are already normalised (lower case ASCII, no port).
 */
import type { CompiledDataset } from '../../src/core/dataset/compile.ts';
import { seededRandom } from './common.ts';

/** Popular registrable domains that are not platforms in the dataset (any that are get filtered out at run time). */
export const POPULAR_DOMAINS: readonly string[] = [
  // news and media
  'nytimes.com', 'washingtonpost.com', 'theguardian.com', 'bbc.co.uk', 'bbc.com', 'cnn.com', 'reuters.com', 'apnews.com',
  'bloomberg.com', 'ft.com', 'economist.com', 'wsj.com', 'lemonde.fr', 'lefigaro.fr', 'liberation.fr', 'spiegel.de',
  'zeit.de', 'faz.net', 'sueddeutsche.de', 'welt.de', 'bild.de', 'elpais.com', 'elmundo.es', 'corriere.it',
  'repubblica.it', 'lastampa.it', 'nos.nl', 'nu.nl', 'volkskrant.nl', 'dn.se', 'aftonbladet.se', 'svd.se',
  'nrk.no', 'vg.no', 'dr.dk', 'politiken.dk', 'yle.fi', 'hs.fi', 'derstandard.at', 'orf.at', 'nzz.ch', 'srf.ch',
  'rte.ie', 'irishtimes.com', 'publico.pt', 'ekathimerini.com', 'wyborcza.pl', 'onet.pl', 'idnes.cz', 'index.hu',
  'abc.net.au', 'smh.com.au', 'theage.com.au', 'nzherald.co.nz', 'cbc.ca', 'theglobeandmail.com', 'asahi.com',
  'nikkei.com', 'yomiuri.co.jp', 'scmp.com', 'straitstimes.com', 'thehindu.com', 'timesofindia.com', 'aljazeera.com',
  'dw.com', 'france24.com', 'euronews.com', 'politico.eu', 'politico.com', 'axios.com', 'npr.org', 'pbs.org',
  'theatlantic.com', 'newyorker.com', 'wired.com', 'arstechnica.com', 'theverge.com', 'techcrunch.com', 'engadget.com',
  'heise.de', 'golem.de', 'lesnumeriques.com', 'numerama.com', 'zdnet.com', 'cnet.com', 'tomshardware.com',
  // reference, education, government
  'wikipedia.org', 'wikimedia.org', 'wiktionary.org', 'wikidata.org', 'archive.org', 'mozilla.org', 'w3.org',
  'ietf.org', 'iana.org', 'python.org', 'nodejs.org', 'rust-lang.org', 'golang.org', 'debian.org', 'ubuntu.com',
  'kernel.org', 'gnu.org', 'apache.org', 'eclipse.org', 'europa.eu', 'gov.uk', 'service-public.fr', 'bund.de',
  'admin.ch', 'usa.gov', 'nasa.gov', 'nih.gov', 'cdc.gov', 'who.int', 'un.org', 'oecd.org', 'imf.org',
  'worldbank.org', 'ox.ac.uk', 'cam.ac.uk', 'mit.edu', 'stanford.edu', 'harvard.edu', 'berkeley.edu', 'ethz.ch',
  'epfl.ch', 'tum.de', 'sorbonne-universite.fr', 'uva.nl', 'ku.dk', 'helsinki.fi', 'uio.no', 'kth.se', 'unimi.it',
  'ucl.ac.uk', 'imperial.ac.uk', 'utoronto.ca', 'unimelb.edu.au', 'u-tokyo.ac.jp', 'nature.com', 'science.org',
  'sciencedirect.com', 'springer.com', 'wiley.com', 'arxiv.org', 'jstor.org', 'researchgate.net', 'ssrn.com',
  'coursera.org', 'edx.org', 'khanacademy.org', 'duolingo.com', 'britannica.com', 'merriam-webster.com',
  // developer and infrastructure
  'stackoverflow.com', 'stackexchange.com', 'gitlab.com', 'bitbucket.org', 'sourceforge.net', 'npmjs.com',
  'pypi.org', 'crates.io', 'docker.com', 'kubernetes.io', 'cloudflare.com', 'fastly.com', 'akamai.com',
  'jsdelivr.net', 'unpkg.com', 'cdnjs.com', 'digitalocean.com', 'linode.com', 'hetzner.com', 'ovh.com', 'scaleway.com',
  'vercel.com', 'netlify.com', 'heroku.com', 'atlassian.com', 'jetbrains.com', 'postman.com', 'sentry.io',
  'datadoghq.com', 'newrelic.com', 'grafana.com', 'elastic.co', 'mongodb.com', 'redis.io', 'postgresql.org',
  'mysql.com', 'oracle.com', 'ibm.com', 'redhat.com', 'suse.com', 'vmware.com', 'cisco.com', 'intel.com', 'amd.com',
  'nvidia.com', 'arm.com', 'hp.com', 'dell.com', 'lenovo.com', 'asus.com', 'samsung.com', 'lg.com', 'sony.com',
  'panasonic.com', 'philips.com', 'siemens.com', 'bosch.com', 'sap.com', 'salesforce.com', 'adobe.com', 'autodesk.com',
  'zoom.us', 'slack.com', 'notion.so', 'trello.com', 'asana.com', 'figma.com', 'canva.com', 'mailchimp.com',
  'hubspot.com', 'zendesk.com', 'intercom.com', 'twilio.com', 'stripe.com', 'paypal.com', 'adyen.com', 'klarna.com',
  'wise.com', 'revolut.com', 'n26.com', 'ing.nl', 'bnpparibas.com', 'societegenerale.fr', 'deutsche-bank.de',
  'commerzbank.de', 'sparkasse.de', 'santander.com', 'bbva.com', 'unicredit.it', 'intesasanpaolo.com', 'hsbc.com',
  'barclays.co.uk', 'lloydsbank.com', 'natwest.com', 'nordea.com', 'danskebank.dk', 'seb.se', 'handelsbanken.se',
  // retail, travel, services
  'zalando.de', 'otto.de', 'mediamarkt.de', 'saturn.de', 'fnac.com', 'darty.com', 'cdiscount.com', 'carrefour.fr',
  'leclerc.com', 'auchan.fr', 'tesco.com', 'sainsburys.co.uk', 'argos.co.uk', 'johnlewis.com', 'marksandspencer.com',
  'ikea.com', 'hm.com', 'zara.com', 'uniqlo.com', 'decathlon.com', 'lidl.de', 'aldi.de', 'rewe.de', 'edeka.de',
  'bol.com', 'coolblue.nl', 'allegro.pl', 'emag.ro', 'walmart.com', 'target.com', 'bestbuy.com', 'costco.com',
  'homedepot.com', 'etsy.com', 'wayfair.com', 'rakuten.co.jp', 'mercadolibre.com', 'flipkart.com', 'expedia.com',
  'tripadvisor.com', 'kayak.com', 'skyscanner.net', 'ryanair.com', 'easyjet.com', 'lufthansa.com', 'airfrance.fr',
  'klm.com', 'britishairways.com', 'sncf-connect.com', 'bahn.de', 'trainline.com', 'flixbus.com', 'hertz.com',
  'europcar.com', 'accor.com', 'marriott.com', 'hilton.com', 'ihg.com', 'deliveroo.co.uk', 'just-eat.co.uk',
  'lieferando.de', 'thuisbezorgd.nl', 'glovoapp.com', 'wolt.com', 'doordash.com', 'instacart.com',
  // entertainment, sport, other
  'spotify.com', 'deezer.com', 'soundcloud.com', 'bandcamp.com', 'twitch.tv', 'vimeo.com', 'dailymotion.com',
  'imdb.com', 'rottentomatoes.com', 'letterboxd.com', 'goodreads.com', 'steampowered.com', 'epicgames.com',
  'ea.com', 'ubisoft.com', 'nintendo.com', 'playstation.com', 'xbox.com', 'roblox.com', 'minecraft.net',
  'fifa.com', 'uefa.com', 'espn.com', 'eurosport.com', 'lequipe.fr', 'kicker.de', 'marca.com', 'gazzetta.it',
  'skysports.com', 'nba.com', 'nfl.com', 'olympics.com', 'weather.com', 'accuweather.com', 'meteofrance.com',
  'dwd.de', 'metoffice.gov.uk', 'openstreetmap.org', 'duckduckgo.com', 'ecosia.org', 'qwant.com', 'startpage.com',
  'brave.com', 'proton.me', 'protonmail.com', 'tutanota.com', 'fastmail.com', 'gmx.de', 'web.de', 't-online.de',
  'orange.fr', 'free.fr', 'sfr.fr', 'bouyguestelecom.fr', 'vodafone.com', 'telekom.de', 'telefonica.com', 'o2.co.uk',
  'bt.com', 'kpn.com', 'swisscom.ch', 'telia.se', 'telenor.no', 'elisa.fi', 'medium.com', 'substack.com',
  'wordpress.org', 'wordpress.com', 'tumblr.com', 'quora.com', 'mastodon.social', 'signal.org', 'wetransfer.com',
  'box.com', 'nextcloud.com', 'bitwarden.com', '1password.com', 'lastpass.com', 'nordvpn.com', 'mullvad.net',
  'letsencrypt.org', 'eff.org', 'noyb.eu', 'edri.org', 'gutenberg.org', 'craigslist.org', 'leboncoin.fr',
  'kleinanzeigen.de', 'marktplaats.nl', 'blocket.se', 'finn.no', 'idealo.de', 'check24.de', 'immobilienscout24.de',
  'seloger.com', 'rightmove.co.uk', 'zillow.com', 'indeed.com', 'glassdoor.com', 'stepstone.de', 'xing.com',
  'doctolib.fr', 'nhs.uk', 'webmd.com', 'mayoclinic.org', 'healthline.com', 'allrecipes.com', 'marmiton.org',
  'chefkoch.de', 'lonelyplanet.com', 'nationalgeographic.com', 'smithsonianmag.com', 'louvre.fr', 'britishmuseum.org',
];

/** Hosting under a private public suffix: the registrable domain is the customer's. */
const PRIVATE_SUFFIX_SITES = ['github.io', 'gitlab.io', 'netlify.app', 'vercel.app', 'herokuapp.com', 'pages.dev', 'workers.dev', 'web.app', 'firebaseapp.com', 's3.amazonaws.com', 'azurewebsites.net', 'cloudfront.net', 'blogspot.com', 'wordpress.com', 'neocities.org'];

const COMMON_SUBS = ['www', 'www', 'www', 'cdn', 'api', 'static', 'm', 'mail', 'img', 'images', 'assets', 'media', 'news', 'shop', 'login', 'auth', 'accounts', 'blog', 'docs', 'help', 'support', 'app', 'en', 'de', 'fr', 'video', 'search', 'maps', 'dev', 'status'];
const DEEP_SUBS = ['s3.eu-west-1', 'edge.eu', 'a1.cdn', 'static01', 'img-prod.cdn', 'eu.api', 'gateway.prod', 'v2.api', 'cache-fra1', 'p16-sign-va', 'lf16-web', 'scontent-cdg4-1', 'video-ams2-1'];
const WORDS = ['alpha', 'nova', 'pixel', 'river', 'orbit', 'cedar', 'ember', 'lumen', 'quartz', 'sable', 'tango', 'willow', 'zephyr', 'harbor', 'meadow', 'cobalt'];

export type HostKind = 'platform' | 'platform-under-stop' | 'ordinary' | 'private-suffix' | 'look-alike';
export type BenchHost = { host: string; kind: HostKind };

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

function subdomain(random: () => number): string {
  const r = random();
  if (r < 0.2) return ''; // the bare domain
  if (r < 0.8) return `${pick(random, COMMON_SUBS)}.`;
  if (r < 0.95) return `${pick(random, DEEP_SUBS)}.`;
  return `${pick(random, WORDS)}-${Math.floor(random() * 100)}.${pick(random, COMMON_SUBS)}.`;
}

/**
 * `count` hosts: 30% platform hosts and subdomains, 55% ordinary sites, 5% sites under private suffixes,
 * 10% look-alikes (tiktok.com.evil.example, nottiktok.com, tiktok-login.com, ...). `isPlatformHost` filters
 * the ordinary list so that no "ordinary" host is in fact a platform.
 */
export function benchHosts(dataset: CompiledDataset, count: number, isPlatformHost: (host: string) => boolean, seed = 20261129): { hosts: BenchHost[]; droppedOrdinary: string[] } {
  const random = seededRandom(seed);
  const platformKeys = Object.keys(dataset.hosts.keys);
  const stops = dataset.hosts.stops;
  const droppedOrdinary = POPULAR_DOMAINS.filter(isPlatformHost);
  const ordinary = POPULAR_DOMAINS.filter((d) => !isPlatformHost(d));
  const hosts: BenchHost[] = [];
  for (let i = 0; i < count; i += 1) {
    const r = random();
    if (r < 0.3) {
      if (stops.length > 0 && random() < 0.02) {
        hosts.push({ host: `${pick(random, WORDS)}${Math.floor(random() * 1000)}.${pick(random, stops)}`, kind: 'platform-under-stop' });
      } else {
        hosts.push({ host: `${subdomain(random)}${pick(random, platformKeys)}`, kind: 'platform' });
      }
    } else if (r < 0.85) {
      hosts.push({ host: `${subdomain(random)}${pick(random, ordinary)}`, kind: 'ordinary' });
    } else if (r < 0.9) {
      hosts.push({ host: `${pick(random, WORDS)}${Math.floor(random() * 1000)}.${pick(random, PRIVATE_SUFFIX_SITES)}`, kind: 'private-suffix' });
    } else {
      const key = pick(random, platformKeys);
      const [label, ...rest] = key.split('.');
      const tld = rest.join('.');
      const variants = [
        `${key}.evil.example`,
        `${key}.login-secure.net`,
        `www.${key}.account-verify.com`,
        `not${key}`,
        `my${key}`,
        `${label}-login.${tld}`,
        `${label}.co`,
        `${label}${label!.length % 2 === 0 ? 'l' : '1'}.${tld}`,
        `${key.replace(/o/, '0')}`,
        `${label}.${tld}-secure.org`,
      ];
      hosts.push({ host: pick(random, variants), kind: 'look-alike' });
    }
  }
  return { hosts, droppedOrdinary };
}
