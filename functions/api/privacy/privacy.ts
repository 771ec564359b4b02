import { pseudonimiseerder } from '../../../shared/privacy/pseudoniem';
import { dynamoPrivacyStore } from '../../../shared/store/privacy-store';
import { dynamoVerwerkingenLogStore } from '../../../shared/store/verwerkingen-store';
import { dynamoVerwijzingenStore } from '../../../shared/store/verwijzingen-store';
import { privacyUseCases } from '../../../shared/use-cases/privacy';
import { verwerkingenUseCases } from '../../../shared/use-cases/verwerkingen';

/** The privacy use cases wired to DynamoDB and the pseudonym key, once per container. */
export const verwerkingen = verwerkingenUseCases({ store: dynamoVerwerkingenLogStore(), pseudonimiseerder });

const verwijzingenStore = dynamoVerwijzingenStore();
export const privacy = privacyUseCases({ store: dynamoPrivacyStore(), verwijzing: (id) => verwijzingenStore.haal(id), pseudonimiseerder });
