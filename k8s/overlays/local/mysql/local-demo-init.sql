-- LOCAL DEMO ONLY: one database and one user per service, with the demo passwords of
-- k8s/overlays/local/kustomization.yaml. Run once by the MySQL image on an empty data directory.
CREATE DATABASE IF NOT EXISTS identity CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS customer CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS sales CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS orders CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS logistics CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS finance CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS kpi CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

CREATE USER IF NOT EXISTS 'identity'@'%' IDENTIFIED BY 'identity-local';
CREATE USER IF NOT EXISTS 'customer'@'%' IDENTIFIED BY 'customer-local';
CREATE USER IF NOT EXISTS 'sales'@'%' IDENTIFIED BY 'sales-local';
CREATE USER IF NOT EXISTS 'orders'@'%' IDENTIFIED BY 'orders-local';
CREATE USER IF NOT EXISTS 'logistics'@'%' IDENTIFIED BY 'logistics-local';
CREATE USER IF NOT EXISTS 'finance'@'%' IDENTIFIED BY 'finance-local';
CREATE USER IF NOT EXISTS 'kpi'@'%' IDENTIFIED BY 'kpi-local';

GRANT ALL PRIVILEGES ON identity.* TO 'identity'@'%';
GRANT ALL PRIVILEGES ON customer.* TO 'customer'@'%';
GRANT ALL PRIVILEGES ON sales.* TO 'sales'@'%';
GRANT ALL PRIVILEGES ON orders.* TO 'orders'@'%';
GRANT ALL PRIVILEGES ON logistics.* TO 'logistics'@'%';
GRANT ALL PRIVILEGES ON finance.* TO 'finance'@'%';
GRANT ALL PRIVILEGES ON kpi.* TO 'kpi'@'%';
