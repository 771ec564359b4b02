import { ulid } from 'ulidx';
import { dynamoAbonnementenStore } from '../../../shared/store/abonnementen-store';
import { afleveringenStore } from '../../../shared/store/afleveringen-store';
import { abonnementenUseCases } from '../../../shared/use-cases/abonnementen';
import { verzegel } from '../../../shared/webhooks/verzegelen';
import { adresregels, bestemmingGeweigerd } from '../../../shared/webhooks/verzenden';

/** The subscriptions' use cases wired to DynamoDB, the sealing key and the SSRF guard, once per container. */
export const abonnementen = abonnementenUseCases({
  store: dynamoAbonnementenStore(),
  verzegel,
  bestemmingGeweigerd: (url) => bestemmingGeweigerd(url, { regels: adresregels() }),
  nieuwId: () => ulid(),
  afleveringen: afleveringenStore,
});
