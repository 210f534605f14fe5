/** Name pools for the demo clinic: mostly Spanish (two surnames), some English-speaking patients. */

export const SPANISH_FEMALE = [
  'María', 'Lucía', 'Carmen', 'Ana', 'Laura', 'Marta', 'Elena', 'Sofía', 'Paula', 'Isabel',
  'Cristina', 'Sara', 'Alba', 'Raquel', 'Pilar', 'Nuria', 'Beatriz', 'Rocío', 'Irene', 'Julia',
  'Claudia', 'Andrea', 'Silvia', 'Patricia', 'Mercedes', 'Rosa', 'Teresa', 'Inés', 'Noelia',
  'Carla', 'Lorena', 'Alicia', 'Eva', 'Natalia', 'Miriam', 'Aitana', 'Valeria', 'Martina',
  'Ángela', 'Begoña', 'Consuelo', 'Dolores', 'Montserrat', 'Núria', 'Yolanda', 'Ainhoa',
] as const;

export const SPANISH_MALE = [
  'Antonio', 'José', 'Manuel', 'Francisco', 'David', 'Juan', 'Javier', 'Daniel', 'Carlos',
  'Alejandro', 'Miguel', 'Rafael', 'Pablo', 'Sergio', 'Fernando', 'Jorge', 'Alberto', 'Luis',
  'Álvaro', 'Adrián', 'Diego', 'Raúl', 'Iván', 'Rubén', 'Enrique', 'Óscar', 'Ramón', 'Andrés',
  'Vicente', 'Joaquín', 'Hugo', 'Mario', 'Marcos', 'Gonzalo', 'Íñigo', 'Jesús', 'Ignacio',
  'Guillermo', 'Salvador', 'Jaume', 'Xavier', 'Martín', 'Lucas', 'Mateo', 'Nicolás',
] as const;

export const SPANISH_SURNAMES = [
  'García', 'Rodríguez', 'González', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Pérez',
  'Gómez', 'Martín', 'Jiménez', 'Ruiz', 'Hernández', 'Díaz', 'Moreno', 'Muñoz', 'Álvarez',
  'Romero', 'Alonso', 'Gutiérrez', 'Navarro', 'Torres', 'Domínguez', 'Vázquez', 'Ramos',
  'Gil', 'Ramírez', 'Serrano', 'Blanco', 'Molina', 'Morales', 'Suárez', 'Ortega', 'Delgado',
  'Castro', 'Ortiz', 'Rubio', 'Marín', 'Sanz', 'Núñez', 'Iglesias', 'Medina', 'Garrido',
  'Cortés', 'Castillo', 'Santos', 'Lozano', 'Guerrero', 'Cano', 'Prieto', 'Méndez', 'Cruz',
  'Calvo', 'Gallego', 'Vidal', 'León', 'Márquez', 'Herrera', 'Peña', 'Flores', 'Cabrera',
  'Campos', 'Vega', 'Fuentes', 'Carrasco', 'Diez', 'Caballero', 'Reyes', 'Nieto', 'Aguilar',
  'Pascual', 'Santana', 'Herrero', 'Montero', 'Lorenzo', 'Hidalgo', 'Giménez', 'Ibáñez',
  'Ferrer', 'Durán', 'Santiago', 'Benítez', 'Mora', 'Vicente', 'Vargas', 'Arias', 'Carmona',
  'Crespo', 'Román', 'Pastor', 'Soto', 'Sáez', 'Velasco', 'Moya', 'Soler', 'Parra', 'Esteban',
  'Bravo', 'Gallardo', 'Rojas', 'Etxeberria', 'Puig', 'Ferreira', 'Olmedo', 'Zamora',
] as const;

export const ENGLISH_FEMALE = [
  'Olivia', 'Emily', 'Sophie', 'Charlotte', 'Jessica', 'Hannah', 'Grace', 'Amelia', 'Lucy',
  'Chloe', 'Emma', 'Isla', 'Ruby', 'Ella', 'Holly', 'Megan', 'Rachel', 'Sarah', 'Helen',
  'Victoria', 'Catherine', 'Eleanor', 'Abigail', 'Freya', 'Imogen', 'Poppy', 'Zoe', 'Claire',
] as const;

export const ENGLISH_MALE = [
  'James', 'Oliver', 'Jack', 'Harry', 'George', 'Thomas', 'William', 'Charlie', 'Daniel',
  'Samuel', 'Joseph', 'Benjamin', 'Henry', 'Alexander', 'Edward', 'Matthew', 'Christopher',
  'Andrew', 'Michael', 'Peter', 'Richard', 'Robert', 'Liam', 'Noah', 'Ethan', 'Oscar', 'Arthur',
] as const;

export const ENGLISH_SURNAMES = [
  'Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Thomas',
  'Johnson', 'Roberts', 'Robinson', 'Thompson', 'Wright', 'Walker', 'White', 'Edwards',
  'Hughes', 'Green', 'Hall', 'Lewis', 'Harris', 'Clarke', 'Patel', 'Jackson', 'Wood', 'Turner',
  'Martin', 'Cooper', 'Hill', 'Ward', 'Morris', 'Moore', 'Clark', 'Lee', 'King', 'Baker',
  'Harrison', 'Morgan', 'Allen', "O'Brien", 'Murphy', 'Kelly', 'Campbell', 'Stewart', 'Scott',
] as const;

export const EMAIL_DOMAINS = ['example.com', 'example.es', 'example.net', 'example.org'] as const;

export const PATIENT_NOTES = [
  'Allergic to penicillin.',
  'Latex allergy.',
  'Anxious patient: explain each step.',
  'Takes anticoagulants; check before extractions.',
  'Prefers morning appointments.',
  'Hearing impaired: speak clearly, face the patient.',
  'Diabetic.',
  'Pregnant: no X-rays.',
] as const;

export const BLOCK_REASONS = ['Repeated no-shows.', 'Unpaid balance; talk to the manager first.'] as const;

export const CANCEL_REASONS = [
  'Patient called to cancel.',
  'Patient is ill.',
  'Work conflict.',
  'Rescheduled at the patient’s request.',
  'Travelling.',
  'Clinic rescheduled: doctor unavailable.',
] as const;

export const APPOINTMENT_NOTES = [
  'Bring previous X-rays.',
  'Sensitive to cold on the lower left.',
  'Follow-up of last treatment.',
  'Wants a quote for whitening.',
  'Child comes with a parent.',
  'Pain since last week.',
] as const;

/** Strips accents and spaces for e-mail local parts: 'Íñigo Núñez' → 'inigo.nunez'. */
export function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '');
}
