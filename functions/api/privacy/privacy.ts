import { pseudonimiseerder } from '../../../shared/privacy/pseudoniem';
import { dynamoVerwerkingenLogStore } from '../../../shared/store/verwerkingen-store';
import { verwerkingenUseCases } from '../../../shared/use-cases/verwerkingen';

/** The privacy use cases wired to DynamoDB and the pseudonym key, once per container. */
export const verwerkingen = verwerkingenUseCases({ store: dynamoVerwerkingenLogStore(), pseudonimiseerder });
